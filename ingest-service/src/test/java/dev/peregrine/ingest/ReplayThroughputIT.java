package dev.peregrine.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.peregrine.ingest.application.port.in.FindReplays;
import dev.peregrine.ingest.application.port.in.ReplayRequest;
import dev.peregrine.ingest.application.port.in.RunReplays;
import dev.peregrine.ingest.application.port.in.StartResult;
import dev.peregrine.ingest.domain.ReplayRun;
import dev.peregrine.ingest.domain.ReplayStatus;
import dev.peregrine.ingest.domain.ReplayTrigger;
import dev.peregrine.testkit.PeregrineIntegrationTest;
import dev.peregrine.testkit.SharedData;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;

/**
 * Replays the first 20,000 candles of the real BTCUSDT 15m file at speed 0 against the real broker and database
 * and prints the throughput. It asserts only that the replay completed: timing depends on the machine, so the
 * figure is for people comparing runs, not a pass mark. Skipped where {@code ../shared/data} is absent.
 */
@PeregrineIntegrationTest
@SpringBootTest(
        classes = IngestServiceApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.config.name=peregrine-defaults,ingest-service",
            "management.server.port=0",
            "peregrine.ingest.replay.allowed-directories=${java.io.tmpdir}"
        })
class ReplayThroughputIT {

    private static final String FILE = "binance/klines/BTCUSDT-15m.csv.gz";
    private static final int WARM_UP_CANDLES = 2_000;
    private static final int MEASURED_CANDLES = 20_000;
    /** A symbol of its own per test JVM, so a rerun against a long-lived database publishes rather than skips. */
    private static final String RUN_TAG =
            Long.toString(System.currentTimeMillis() % 2_000_000_000L, 36).toUpperCase(Locale.ROOT);

    @Autowired
    RunReplays commands;

    @Autowired
    FindReplays queries;

    @Autowired
    Environment environment;

    @TempDir
    Path dir;

    @Test
    void replaysTwentyThousandRealCandlesAndPrintsTheThroughput() throws IOException {
        Path source = SharedData.require(FILE);

        // The first replay in a JVM pays for class loading, JIT and producer metadata; it is not measured.
        replay(firstCandles(source, WARM_UP_CANDLES, "warm-up.csv.gz"), "TW" + RUN_TAG + "USDT", WARM_UP_CANDLES);
        ReplayRun measured = replay(
                firstCandles(source, MEASURED_CANDLES, "measured.csv.gz"), "TP" + RUN_TAG + "USDT", MEASURED_CANDLES);

        Duration took =
                Duration.between(measured.startedAt(), measured.finishedAt().orElseThrow());
        System.out.printf(
                Locale.ROOT,
                "REPLAY THROUGHPUT: %d candles in %d ms = %.0f candles/s (batch-size %s)%n",
                measured.counts().candlesPublished(),
                took.toMillis(),
                measured.counts().candlesPublished() * 1000.0 / Math.max(1, took.toMillis()),
                environment.getProperty("peregrine.ingest.replay.batch-size", "n/a"));
    }

    private ReplayRun replay(Path file, String symbol, int candles) {
        StartResult started =
                commands.start(new ReplayRequest(file.toString(), 0, symbol, "15m", ReplayTrigger.OPERATOR));
        assertThat(started).isInstanceOf(StartResult.Started.class);
        var id = ((StartResult.Started) started).run().id();
        await().atMost(Duration.ofMinutes(5))
                .until(() -> queries.find(id).map(run -> !run.running()).orElse(false));
        ReplayRun run = queries.find(id).orElseThrow();
        assertThat(run.status()).isEqualTo(ReplayStatus.COMPLETED);
        assertThat(run.counts().candlesPublished()).isEqualTo(candles);
        return run;
    }

    /** The header and the first {@code candles} data lines of {@code source}, gzipped like the original. */
    private Path firstCandles(Path source, int candles, String name) throws IOException {
        Path target = dir.resolve(name);
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                        new GZIPInputStream(Files.newInputStream(source)), StandardCharsets.UTF_8));
                OutputStream out = new GZIPOutputStream(Files.newOutputStream(target))) {
            String line = in.readLine();
            int written = 0;
            while (line != null && written < candles) {
                boolean header = !line.isEmpty() && !Character.isDigit(line.charAt(0));
                out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
                if (!header) {
                    written++;
                }
                line = in.readLine();
            }
        }
        return target;
    }
}
