package dev.peregrine.localstack;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The ways the launcher refuses to start; none of them may start or create anything. */
class LocalStackTest {

    @TempDir
    Path work;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int launch(String... args) {
        LocalStack stack = new LocalStack(Map.of(), work, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        int code = stack.launch(List.of(args));
        assertThat(stack.isRunning()).isFalse();
        return code;
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void helpPrintsTheUsageAndStartsNothing() {
        assertThat(launch("--help")).isEqualTo(LocalStack.EXIT_OK);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Usage: local-stack.sh");
        assertThat(work.resolve(".local-stack")).doesNotExist();
    }

    @Test
    void aBadCommandLineExitsWithTwoAndTheUsage() {
        assertThat(launch("--bogus")).isEqualTo(LocalStack.EXIT_USAGE);
        assertThat(err()).contains("unknown option: --bogus", "Usage: local-stack.sh");
    }

    @Test
    void anUnavailableVenueExitsWithTwo() {
        assertThat(launch("--venue=binance")).isEqualTo(LocalStack.EXIT_USAGE);
        assertThat(err()).contains("paper only");
    }

    @Test
    void aMissingReplayFileExitsWithThreeBeforeStartingAnything() {
        Path missing = work.resolve("nowhere/BTCUSDT-15m.csv.gz");

        int code = launch("--replay=" + missing, "--data-dir=" + work.resolve("data"));

        assertThat(code).isEqualTo(LocalStack.EXIT_NO_MARKET_DATA);
        assertThat(err()).contains(missing.toString(), "--replay=FILE", "Nothing was started");
        assertThat(work.resolve("data")).doesNotExist();
    }

    @Test
    void anUnreadableReplayFileExitsWithThree() throws IOException {
        Path empty = Files.createFile(work.resolve("empty.csv"));
        Path corrupt = Files.writeString(work.resolve("corrupt.csv.gz"), "not gzip at all");

        assertThat(launch("--replay=" + empty)).isEqualTo(LocalStack.EXIT_NO_MARKET_DATA);
        assertThat(err()).contains("empty.csv", "it is empty");
        assertThat(launch("--replay=" + corrupt)).isEqualTo(LocalStack.EXIT_NO_MARKET_DATA);
        assertThat(err()).contains("corrupt.csv.gz", "cannot be read");
    }

    @Test
    void aReadableGzipReplayFilePassesTheCheck() throws IOException {
        Path file = work.resolve("klines.csv.gz");
        try (OutputStream gzip = new GZIPOutputStream(Files.newOutputStream(file))) {
            gzip.write("1700000000000,1,2,0.5,1.5,10,1700000899999,15,3,5,7,0\n".getBytes(StandardCharsets.UTF_8));
        }

        ReplayFile.verifyReadable(file);
    }
}
