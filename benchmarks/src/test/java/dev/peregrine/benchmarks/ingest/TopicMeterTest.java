package dev.peregrine.benchmarks.ingest;

import dev.peregrine.common.event.CandleClosed;
import dev.peregrine.common.event.Envelope;
import dev.peregrine.common.json.EventCodec;
import dev.peregrine.common.value.Interval;
import dev.peregrine.common.value.Price;
import dev.peregrine.common.value.Quantity;
import dev.peregrine.common.value.Symbol;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class TopicMeterTest {

    @Test
    void readsTheProcessingTimeOutOfAnEncodedCandleWithoutDecodingIt() {
        Instant processed = Instant.parse("2026-11-21T10:26:03.123456Z");
        UUID id = UUID.fromString("0192f3a4-0000-7000-8000-000000000001");
        CandleClosed candle = new CandleClosed(Envelope.root(id, Instant.parse("2024-01-01T00:14:59.999Z"), processed),
                Symbol.of("BTCUSDT"), Interval.FIFTEEN_MINUTES, Instant.parse("2024-01-01T00:00:00Z"),
                Instant.parse("2024-01-01T00:14:59.999Z"), Price.of("1.5"), Price.of("2"), Price.of("1"),
                Price.of("1.75"), Quantity.of("10"), Quantity.of("17"), 3, Quantity.of("4"), Quantity.of("7"),
                "replay:BTCUSDT-15m.csv.gz", List.of());

        assertThat(TopicMeter.processingTime(bytes(new EventCodec().encode(candle)))).contains(processed);
    }

    @Test
    void aRecordWithoutAProcessingTimeIsNotMisread() {
        assertThat(TopicMeter.processingTime(bytes("{\"envelope\":{}}"))).isEmpty();
        assertThat(TopicMeter.processingTime(bytes("{\"processingTime\":\"yesterday\"}"))).isEmpty();
        assertThat(TopicMeter.processingTime(bytes("{\"processingTime\":\"2026-11-21"))).isEmpty();
    }

    private static byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }
}
