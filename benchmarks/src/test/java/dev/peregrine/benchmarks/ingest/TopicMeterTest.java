package dev.peregrine.benchmarks.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.peregrine.common.event.CandleClosed;
import dev.peregrine.common.event.Envelope;
import dev.peregrine.common.json.EventCodec;
import dev.peregrine.common.value.Interval;
import dev.peregrine.common.value.Price;
import dev.peregrine.common.value.Quantity;
import dev.peregrine.common.value.Symbol;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TopicMeterTest {

    @Test
    void readsTheProcessingTimeOutOfAnEncodedCandleWithoutDecodingIt() {
        Instant processed = Instant.parse("2026-11-21T10:26:03.123456Z");
        UUID id = UUID.fromString("0192f3a4-0000-7000-8000-000000000001");
        CandleClosed candle = new CandleClosed(
                Envelope.root(id, Instant.parse("2024-01-01T00:14:59.999Z"), processed),
                Symbol.of("BTCUSDT"),
                Interval.FIFTEEN_MINUTES,
                Instant.parse("2024-01-01T00:00:00Z"),
                Instant.parse("2024-01-01T00:14:59.999Z"),
                Price.of("1.5"),
                Price.of("2"),
                Price.of("1"),
                Price.of("1.75"),
                Quantity.of("10"),
                Quantity.of("17"),
                3,
                Quantity.of("4"),
                Quantity.of("7"),
                "replay:BTCUSDT-15m.csv.gz",
                List.of());

        assertThat(TopicMeter.processingTime(bytes(new EventCodec().encode(candle))))
                .contains(processed);
    }

    @Test
    void readsEveryShapeInstantWritesAsInstantParseDoes() {
        for (String text : List.of(
                "2026-11-21T10:26:03Z",
                "2026-11-21T10:26:03.1Z",
                "2026-11-21T10:26:03.120Z",
                "2026-11-21T10:26:03.123456Z",
                "2026-11-21T10:26:03.123456789Z",
                "2024-02-29T23:59:59.999999Z",
                "1970-01-01T00:00:00Z",
                "1969-12-31T23:59:59.000001Z",
                "2000-01-01T00:00:00.000000001Z")) {
            byte[] json = bytes("{\"processingTime\":\"" + text + "\"}");
            assertThat(TopicMeter.utcInstant(json, 19, json.length - 2))
                    .as(text)
                    .isEqualTo(Instant.parse(text));
            assertThat(TopicMeter.processingTime(json)).as(text).contains(Instant.parse(text));
        }
    }

    @Test
    void leavesOtherShapesToInstantParse() {
        for (String text : List.of(
                "2026-11-21T10:26:03+01:00",
                "2026-02-30T10:26:03Z",
                "2026-11-21T24:00:00Z",
                "2026-11-21T10:26:03.Z",
                "2026-11-21T10:26:03.1234567890Z",
                "2026-11-21 10:26:03Z",
                "+12026-11-21T10:26:03Z",
                "2026-1x-21T10:26:03Z")) {
            byte[] json = bytes("{\"processingTime\":\"" + text + "\"}");
            assertThat(TopicMeter.utcInstant(json, 19, json.length - 2))
                    .as(text)
                    .isNull();
        }
        byte[] offset = bytes("{\"processingTime\":\"2026-11-21T10:26:03+01:00\"}");
        assertThat(TopicMeter.processingTime(offset)).contains(Instant.parse("2026-11-21T09:26:03Z"));
    }

    @Test
    void aRecordWithoutAProcessingTimeIsNotMisread() {
        assertThat(TopicMeter.processingTime(bytes("{\"envelope\":{}}"))).isEmpty();
        assertThat(TopicMeter.processingTime(bytes("{\"processingTime\":\"yesterday\"}")))
                .isEmpty();
        assertThat(TopicMeter.processingTime(bytes("{\"processingTime\":\"2026-11-21")))
                .isEmpty();
    }

    private static byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }
}
