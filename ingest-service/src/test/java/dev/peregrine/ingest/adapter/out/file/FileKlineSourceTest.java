package dev.peregrine.ingest.adapter.out.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;

import dev.peregrine.ingest.application.port.out.KlineSource;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileKlineSourceTest {

    private static final String CONTENT = "open_time,open\r\n1,2\n3,4";
    private static final String OUTSIDE = "is not below a replay directory: replays read only regular files below "
            + "peregrine.ingest.replay.allowed-directories (";

    @TempDir
    Path root;

    /** The one replay directory. */
    private Path dir;
    /** Beside it, outside. */
    private Path other;

    private FileKlineSource source;

    @BeforeEach
    void directories() throws IOException {
        dir = Files.createDirectory(root.resolve("data"));
        other = Files.createDirectory(root.resolve("other"));
        source = new FileKlineSource(ReplayFileRules.under(dir));
    }

    @Test
    void readsPlainFilesLineByLine() throws IOException {
        Path file = Files.writeString(dir.resolve("BTCUSDT-15m.csv"), CONTENT);

        assertThat(readAll(source, file)).containsExactly("open_time,open", "1,2", "3,4");
    }

    @Test
    void splitsLinesAsBufferedReaderDoes() throws IOException {
        String text = "a\r\n\r\nb\rc\n\nd\r\r\n" + "x".repeat(100_000) + "\r\ne\n";
        Path file = Files.writeString(dir.resolve("lines.csv"), text);
        List<String> expected = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new StringReader(text))) {
            reader.lines().forEach(expected::add);
        }

        assertThat(readAll(source, file)).containsExactlyElementsOf(expected);
    }

    @Test
    void readsGzipByItsNameOrByItsMagicBytes() throws IOException {
        Path named = gzip(dir.resolve("BTCUSDT-15m.csv.gz"), CONTENT);
        Path unnamed = gzip(dir.resolve("BTCUSDT-15m.csv"), CONTENT);

        assertThat(readAll(source, named)).containsExactly("open_time,open", "1,2", "3,4");
        assertThat(readAll(source, unnamed)).containsExactly("open_time,open", "1,2", "3,4");
    }

    @Test
    void aFileNamedGzThatIsNotCompressedIsAnError() throws IOException {
        Path file = Files.writeString(dir.resolve("BTCUSDT-15m.csv.gz"), CONTENT);

        assertThatIOException()
                .isThrownBy(() -> source.open(file.toString()))
                .withMessageContaining("is named .gz but is not gzip-compressed");
    }

    @Test
    void explainsWhyAFileCannotBeReplayed() throws IOException {
        Path file = Files.writeString(dir.resolve("BTCUSDT-15m.csv"), CONTENT);

        assertThat(source.unreadableReason(file.toString())).isEmpty();
        assertThat(source.unreadableReason(dir.resolve("missing.csv").toString()))
                .hasValueSatisfying(reason -> assertThat(reason).startsWith("does not exist"));
        assertThat(source.unreadableReason(dir.toString())).contains("is a directory, not a kline file or capture");
        assertThat(source.fileName(file.toString())).isEqualTo("BTCUSDT-15m.csv");
    }

    @Test
    void aFileOutsideTheReplayDirectoriesIsRefusedWithoutSayingWhetherItExists() throws IOException {
        Path outside = Files.writeString(other.resolve("BTCUSDT-15m.csv"), CONTENT);

        assertThat(source.unreadableReason(outside.toString()))
                .hasValueSatisfying(reason -> assertThat(reason).isEqualTo(OUTSIDE + dir + ")"));
        assertThat(source.unreadableReason(other.resolve("missing.csv").toString()))
                .isEqualTo(source.unreadableReason(outside.toString()));
        assertThat(source.unreadableReason("/etc/passwd"))
                .hasValueSatisfying(r -> assertThat(r).startsWith(OUTSIDE));
        // A sibling whose name starts like the directory's is not below it.
        Path sibling = Files.createDirectory(root.resolve("data2"));
        Path beside = Files.writeString(sibling.resolve("BTCUSDT-15m.csv"), CONTENT);
        assertThat(source.unreadableReason(beside.toString()))
                .hasValueSatisfying(r -> assertThat(r).startsWith(OUTSIDE));
        assertThatIOException()
                .isThrownBy(() -> source.open(outside.toString()))
                .withMessageContaining(OUTSIDE);
    }

    @Test
    void dotDotCannotClimbOut() throws IOException {
        Path outside = Files.writeString(other.resolve("BTCUSDT-15m.csv"), CONTENT);
        String escape = dir + "/../other/BTCUSDT-15m.csv";
        String relativeEscape = Path.of("").toAbsolutePath().relativize(dir) + "/../../../../../../../../etc/passwd";

        assertThat(Files.exists(Path.of(escape))).isTrue();
        assertThat(source.unreadableReason(escape))
                .hasValueSatisfying(r -> assertThat(r).startsWith(OUTSIDE));
        assertThat(source.unreadableReason(relativeEscape))
                .hasValueSatisfying(r -> assertThat(r).startsWith(OUTSIDE));
        assertThatIOException().isThrownBy(() -> source.open(escape)).withMessageContaining(OUTSIDE);
        // Inside stays inside, however it is written.
        Files.writeString(dir.resolve("ok.csv"), CONTENT);
        assertThat(source.unreadableReason(other + "/../data/./ok.csv")).isEmpty();
        assertThat(outside).exists();
    }

    @Test
    void aLinkCannotLeadOut() throws IOException {
        Path outside = Files.writeString(other.resolve("BTCUSDT-15m.csv"), CONTENT);
        Path fileLink = Files.createSymbolicLink(dir.resolve("BTCUSDT-15m.csv"), outside);
        Path directoryLink = Files.createSymbolicLink(dir.resolve("elsewhere"), other);
        Path inside = Files.writeString(dir.resolve("real.csv"), CONTENT);
        Path insideLink = Files.createSymbolicLink(dir.resolve("alias.csv"), inside);

        assertThat(source.unreadableReason(fileLink.toString()))
                .hasValueSatisfying(r -> assertThat(r).startsWith(OUTSIDE));
        assertThat(source.unreadableReason(
                        directoryLink.resolve("BTCUSDT-15m.csv").toString()))
                .hasValueSatisfying(r -> assertThat(r).startsWith(OUTSIDE));
        assertThatIOException()
                .isThrownBy(() -> source.open(fileLink.toString()))
                .withMessageContaining(OUTSIDE);
        assertThat(source.unreadableReason(insideLink.toString())).isEmpty();
        assertThat(readAll(source, insideLink)).containsExactly("open_time,open", "1,2", "3,4");
    }

    @Test
    void devZeroIsRefusedAsOutsideAndAsNotARegularFile() {
        assertThat(source.unreadableReason("/dev/zero"))
                .hasValueSatisfying(r -> assertThat(r).startsWith(OUTSIDE));

        FileKlineSource devices = new FileKlineSource(ReplayFileRules.under(Path.of("/dev")));
        assertThat(devices.unreadableReason("/dev/zero"))
                .contains("is not a regular file (a device, pipe or socket): replays read regular files only");
        assertThatIOException().isThrownBy(() -> devices.open("/dev/zero")).withMessageContaining("not a regular file");
        assertThatIOException()
                .isThrownBy(() -> devices.head("/dev/zero", 10))
                .withMessageContaining("not a regular file");
    }

    @Test
    void theConfiguredFileMayLieOutsideTheDirectoriesButOnlyItself() throws IOException {
        Path configured = Files.writeString(other.resolve("BTCUSDT-15m.csv"), CONTENT);
        Path neighbour = Files.writeString(other.resolve("ETHUSDT-15m.csv"), CONTENT);
        FileKlineSource withConfigured = new FileKlineSource(new ReplayFileRules(
                List.of(dir),
                Optional.of(configured),
                ReplayFileRules.DEFAULT_MAX_FILE_SIZE,
                ReplayFileRules.DEFAULT_MAX_LINE_LENGTH));

        assertThat(withConfigured.unreadableReason(configured.toString())).isEmpty();
        assertThat(readAll(withConfigured, configured)).containsExactly("open_time,open", "1,2", "3,4");
        assertThat(withConfigured.unreadableReason(neighbour.toString()))
                .hasValueSatisfying(r -> assertThat(r).startsWith(OUTSIDE));
    }

    @Test
    void aFileLargerThanTheLimitIsRefusedAndOneThatDecompressesPastItFailsWhileRead() throws IOException {
        FileKlineSource small = new FileKlineSource(new ReplayFileRules(List.of(dir), Optional.empty(), 1024, 256));
        Path large = Files.writeString(dir.resolve("large.csv"), "1,2\n".repeat(300));
        Path bomb = gzip(dir.resolve("bomb.csv.gz"), "1,2\n".repeat(100_000));

        assertThat(small.unreadableReason(large.toString()))
                .contains("has 1200 bytes, more than the 1024 a replay reads (peregrine.ingest.replay.max-file-size)");
        assertThat(Files.size(bomb)).isLessThan(1024);
        assertThat(small.unreadableReason(bomb.toString())).isEmpty();
        assertThatIOException()
                .isThrownBy(() -> readAll(small, bomb))
                .withMessage("bomb.csv.gz once decompressed has more than 1024 bytes, the most a replay reads "
                        + "(peregrine.ingest.replay.max-file-size)");
    }

    @Test
    void aLineLongerThanTheLimitComesBackCutWithItsLength() throws IOException {
        FileKlineSource shortLines = new FileKlineSource(
                new ReplayFileRules(List.of(dir), Optional.empty(), ReplayFileRules.DEFAULT_MAX_FILE_SIZE, 256));
        Path file = Files.writeString(dir.resolve("long.csv"), "1,2\n" + "y".repeat(200_000) + "\n3,4\n");

        try (KlineSource.Lines lines = shortLines.open(file.toString())) {
            assertThat(lines.nextLine()).isEqualTo("1,2");
            assertThat(lines.cutLength()).isZero();
            assertThat(lines.nextLine()).isEqualTo("y".repeat(256));
            assertThat(lines.cutLength()).isEqualTo(200_000);
            assertThat(lines.nextLine()).isEqualTo("3,4");
            assertThat(lines.cutLength()).isZero();
            assertThat(lines.nextLine()).isNull();
        }
        assertThat(shortLines.head(file.toString(), 2)).isEqualTo("1,");
    }

    @Test
    void anEndlessLineOfZerosIsReadInBoundedMemoryAndStopsAtTheSizeLimit() {
        long limit = 64L * 1024 * 1024;
        InputStream zeros = new InputStream() {
            @Override
            public int read() {
                return 0;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                java.util.Arrays.fill(b, off, off + len, (byte) 0);
                return len;
            }
        };
        BoundedLines lines = new BoundedLines(
                new InputStreamReader(new BoundedLines.Capped(zeros, limit, "zeros"), StandardCharsets.UTF_8), 1024);

        // The old reader kept the whole line: 64 Mi characters (128 MiB) before failing; this one keeps 1024.
        assertThatIOException()
                .isThrownBy(lines::nextLine)
                .withMessage("zeros has more than " + limit + " bytes, the most a replay reads "
                        + "(peregrine.ingest.replay.max-file-size)");
    }

    @Test
    void anEndlessLineIsCutWhenItEnds() throws IOException {
        String text = "\0".repeat(3_000_000) + "\nnext";
        BoundedLines lines = new BoundedLines(new StringReader(text), 1024);

        assertThat(lines.nextLine()).hasSize(1024);
        assertThat(lines.cutLength()).isEqualTo(3_000_000);
        assertThat(lines.nextLine()).isEqualTo("next");
        assertThat(lines.nextLine()).isNull();
    }

    private static Path gzip(Path file, String content) throws IOException {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(content.getBytes(StandardCharsets.UTF_8));
        }
        return file;
    }

    private static List<String> readAll(FileKlineSource source, Path file) throws IOException {
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
