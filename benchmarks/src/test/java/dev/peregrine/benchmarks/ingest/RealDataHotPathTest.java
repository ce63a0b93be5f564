package dev.peregrine.benchmarks.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.peregrine.common.value.Interval;
import dev.peregrine.common.value.Symbol;
import dev.peregrine.ingest.domain.KlineCsvParser;
import dev.peregrine.ingest.domain.MessageKind;
import dev.peregrine.ingest.domain.Series;
import dev.peregrine.testkit.SharedData;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.infra.Blackhole;

/** What the benchmark reads from ../shared/data goes through whole; skipped where the folder is absent. */
class RealDataHotPathTest {

    private static final Blackhole SINK = new Blackhole(
            "Today's password is swordfish. I understand instantiating Blackholes directly is dangerous.");

    @Test
    void theBtcCaptureIsReadWithoutARejection() throws IOException {
        Path capture = SharedData.file(IngestHotPathBenchmark.CAPTURE).orElse(null);
        assumeTrue(capture != null, IngestHotPathBenchmark.CAPTURE + " is not present");
        List<GeneratedMarketData.TimedMessage> messages = IngestHotPathBenchmark.readCapture(capture);
        IngestHotPath path = new IngestHotPath("test");

        messages.forEach(m -> path.message(m.message(), m.receivedAt(), SINK));

        assertThat(messages).hasSize(41_249);
        assertThat(path.rejected()).isZero();
        assertThat(path.messages(MessageKind.TRADE)).isEqualTo(9_757);
        assertThat(path.messages(MessageKind.BOOK_TICKER)).isEqualTo(28_040);
        assertThat(path.candles()).isZero();
    }

    @Test
    void theBtcKlineFileBecomesCandles() throws IOException {
        Path file = SharedData.file(IngestHotPathBenchmark.KLINES).orElse(null);
        assumeTrue(file != null, IngestHotPathBenchmark.KLINES + " is not present");
        List<String> lines = IngestHotPathBenchmark.readKlineLines(file);
        KlineCsvParser parser = new KlineCsvParser(new Series(Symbol.of("BTCUSDT"), Interval.FIFTEEN_MINUTES));
        IngestHotPath path = new IngestHotPath("test");

        lines.forEach(line -> path.csvLine(parser, line, SINK));

        assertThat(lines).hasSize(87_451);
        assertThat(path.candles() + path.refused()).isEqualTo(87_451);
        assertThat(path.rejected()).isZero();
    }
}
