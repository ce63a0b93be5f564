package dev.peregrine.benchmarks.latency;

import static org.assertj.core.api.Assertions.assertThat;

import dev.peregrine.common.event.CandleClosed;
import dev.peregrine.common.event.Envelope;
import dev.peregrine.common.json.EventCodec;
import dev.peregrine.common.value.Interval;
import dev.peregrine.common.value.Price;
import dev.peregrine.common.value.Quantity;
import dev.peregrine.common.value.Symbol;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ChainCollectorTest {

    @Test
    void theCandleIdReadFromTheTextIsTheOneTheCodecDecodes() {
        UUID id = UUID.randomUUID();
        Instant open = Instant.parse("2024-01-01T00:00:00Z");
        CandleClosed candle = new CandleClosed(
                Envelope.root(id, open.plusSeconds(900), open.plusSeconds(901)),
                Symbol.of("BTCUSDT"),
                Interval.FIFTEEN_MINUTES,
                open,
                open.plusSeconds(900).minusMillis(1),
                Price.of("1"),
                Price.of("2"),
                Price.of("0.5"),
                Price.of("1.5"),
                Quantity.of("3"),
                Quantity.of("4.5"),
                7,
                Quantity.of("1"),
                Quantity.of("1.5"),
                "replay:BTCUSDT-15m.csv.gz",
                List.of("PRICE_JUMP"));
        EventCodec codec = new EventCodec();
        String json = codec.encode(candle);

        assertThat(ChainCollector.candleIdText(json)).isEqualTo(id.toString());
        assertThat(codec.decode(json, CandleClosed.class).envelope().eventId()).isEqualTo(id);
        assertThat(ChainCollector.candleIdText("{\"other\":1}")).isNull();
    }
}
