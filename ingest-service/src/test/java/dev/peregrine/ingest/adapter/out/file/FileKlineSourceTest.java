package dev.peregrine.ingest.adapter.out.file;

import dev.peregrine.ingest.application.port.out.KlineSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;

class FileKlineSourceTest {

    private static final String CONTENT = "open_time,open\r\n1,2\n3,4";

    @TempDir
    Path dir;

    private final FileKlineSource source = new FileKlineSource();

    @Test
    void readsPlainFilesLineByLine() throws IOException {
        Path file = Files.writeString(dir.resolve("BTCUSDT-15m.csv"), CONTENT);

        assertThat(readAll(file)).containsExactly("open_time,open", "1,2", "3,4");
    }

    @Test
    void readsGzipByItsNameOrByItsMagicBytes() throws IOException {
        Path named = gzip(dir.resolve("BTCUSDT-15m.csv.gz"));
        Path unnamed = gzip(dir.resolve("BTCUSDT-15m.csv"));

        assertThat(readAll(named)).containsExactly("open_time,open", "1,2", "3,4");
        assertThat(readAll(unnamed)).containsExactly("open_time,open", "1,2", "3,4");
    }

    @Test
    void aFileNamedGzThatIsNotCompressedIsAnError() throws IOException {
        Path file = Files.writeString(dir.resolve("BTCUSDT-15m.csv.gz"), CONTENT);

        assertThatIOException().isThrownBy(() -> source.open(file.toString()))
                .withMessageContaining("is named .gz but is not gzip-compressed");
    }

    @Test
    void explainsWhyAFileCannotBeReplayed() throws IOException {
        Path file = Files.writeString(dir.resolve("BTCUSDT-15m.csv"), CONTENT);

        assertThat(source.unreadableReason(file.toString())).isEmpty();
        assertThat(source.unreadableReason(dir.resolve("missing.csv").toString()))
                .hasValueSatisfying(reason -> assertThat(reason).startsWith("does not exist"));
        assertThat(source.unreadableReason(dir.toString())).contains("is a directory, not a kline file");
        assertThat(source.fileName(file.toString())).isEqualTo("BTCUSDT-15m.csv");
    }

    private Path gzip(Path file) throws IOException {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(CONTENT.getBytes(StandardCharsets.UTF_8));
        }
        return file;
    }

    private List<String> readAll(Path file) throws IOException {
        List<String> lines = new ArrayList<>();
        try (KlineSource.Lines reader = source.open(file.toString())) {
            String line;
            while ((line = reader.nextLine()) != null) {
                lines.add(line);
            }
        }
        return lines;
    }
}
