package dev.peregrine.benchmarks.latency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.peregrine.benchmarks.signal.Klines;
import dev.peregrine.common.event.CandleClosed;
import dev.peregrine.common.value.Interval;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KlineSeriesTest {

    private static final long T0 = Instant.parse("2024-03-01T00:00:00Z").toEpochMilli();
    private static final long M15 = Duration.ofMinutes(15).toMillis();

    @TempDir
    Path dir;

    @Test
    void candlesRunFromTheFirstBarToTheEndThenAgainShiftedByWholeDays() throws IOException {
        Path file = file("ETHUSDT-15m.csv.gz", line(0, "100.5"), line(1, "101.5"), line(2, "102.5"));
        KlineSeries series = KlineSeries.read(file, 1);
        Instant now = Instant.parse("2026-12-07T00:00:00Z");

        UUID id = UUID.randomUUID();
        CandleClosed first = series.next(id, now);
        CandleClosed second = series.next(UUID.randomUUID(), now);
        CandleClosed wrapped = series.next(UUID.randomUUID(), now);

        assertThat(series.symbol().value()).isEqualTo("ETHUSDT");
        assertThat(series.interval()).isEqualTo(Interval.FIFTEEN_MINUTES);
        assertThat(first.envelope().eventId()).isEqualTo(id);
        assertThat(first.envelope().correlationId()).isEqualTo(id);
        assertThat(first.envelope().processingTime()).isEqualTo(now);
        assertThat(first.openTime()).isEqualTo(Instant.ofEpochMilli(T0 + M15));
        assertThat(first.closeTime()).isEqualTo(Instant.ofEpochMilli(T0 + 2 * M15 - 1));
        assertThat(first.envelope().eventTime()).isEqualTo(first.closeTime());
        assertThat(first.close().value()).isEqualByComparingTo("101.5");
        assertThat(first.trades()).isEqualTo(42);
        assertThat(first.qualityFlags()).isEmpty();
        assertThat(first.source()).isEqualTo("latency-harness:ETHUSDT-15m.csv.gz");
        assertThat(second.close().value()).isEqualByComparingTo("102.5");
        // Three bars span 45 minutes, rounded up to one day: bar 0 comes back a day later.
        assertThat(wrapped.openTime()).isEqualTo(Instant.ofEpochMilli(T0).plus(Duration.ofDays(1)));
        assertThat(wrapped.close().value()).isEqualByComparingTo("100.5");
        assertThat(wrapped.openTime()).isAfter(second.openTime());
    }

    @Test
    void aFileThatIsNotAKlineCsvIsRefused() throws IOException {
        Path file = file("BTCUSDT-15m.csv.gz");
        Files.write(file, "not gzip".getBytes(StandardCharsets.US_ASCII));
        assertThatThrownBy(() -> KlineSeries.read(file, 0)).hasMessageContaining("cannot read");
        Path empty = file("XRPUSDT-15m.csv.gz");
        assertThatThrownBy(() -> KlineSeries.read(empty, 0)).hasMessageContaining("holds no kline");
        Path short1 = file("SOLUSDT-15m.csv.gz", line(0, "1"));
        assertThatThrownBy(() -> KlineSeries.read(short1, 1)).hasMessageContaining("first bar 1 outside");
    }

    private Path file(String name, String... lines) throws IOException {
        Path file = dir.resolve(name);
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write((Klines.HEADER + ",ignore\n").getBytes(StandardCharsets.US_ASCII));
            for (String line : lines) {
                out.write((line + "\n").getBytes(StandardCharsets.US_ASCII));
            }
        }
        return file;
    }

    private static String line(int bar, String close) {
        long open = T0 + bar * M15;
        return open + ",100,103,99," + close + ",12.5," + (open + M15 - 1) + ",1250.5,42,6.25,625.25,0";
    }
}
