package dev.peregrine.common.json;

import static org.assertj.core.api.Assertions.assertThat;

import dev.peregrine.common.event.CandleClosed;
import dev.peregrine.common.event.Envelope;
import dev.peregrine.common.value.Decimals;
import dev.peregrine.common.value.Interval;
import dev.peregrine.common.value.Price;
import dev.peregrine.common.value.Quantity;
import dev.peregrine.common.value.Symbol;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CandleClosedWriterTest {

    private static final List<String> SOURCES = List.of(
            "binance-ws",
            "replay:BTCUSDT-15m.csv.gz",
            "replay:/data/binance/klines/BTCUSDT-15m.csv.gz",
            "quote \" backslash \\ tab \t newline \n nul \u0000",
            "unicode é € 𝄞 \u2028 and control \u001f\u007f",
            "");

    private final EventCodec codec = new EventCodec();

    @Test
    void writesTheSameTextAsTheMapperForEveryShapeOfCandle() {
        Random random = new Random(20261121);
        for (int i = 0; i < 20_000; i++) {
            CandleClosed candle = candle(random, i);
            String written = codec.encode(candle);
            assertThat(written).isEqualTo(codec.encodeByMapper(candle));
            // Decoded and written again, the same text (a negative scale comes back as scale 0, same digits).
            assertThat(codec.encode(codec.decode(written, CandleClosed.class))).isEqualTo(written);
        }
    }

    @Test
    void theGoldenSampleIsWrittenAsSaved() {
        CandleClosed sample = GoldenSamples.candleClosed();
        assertThat(codec.encode(sample)).isEqualTo(codec.encodeByMapper(sample));
    }

    private static CandleClosed candle(Random random, int i) {
        Interval interval = Interval.values()[random.nextInt(Interval.values().length)];
        Instant open = Instant.ofEpochSecond(
                random.nextLong(0, 4_000_000_000L), i % 3 == 0 ? 0 : random.nextInt(1_000_000_000));
        Instant close = open.plus(interval.length()).minusMillis(1);
        Instant processed =
                Instant.ofEpochSecond(random.nextLong(1_700_000_000L, 1_900_000_000L), random.nextInt(1_000_000_000));
        UUID id = new UUID(random.nextLong(), random.nextLong());
        Envelope root = Envelope.root(id, close, processed);
        Envelope envelope = i % 2 == 0
                ? root
                : Envelope.causedBy(root, new UUID(random.nextLong(), random.nextLong()), close, processed);
        List<String> flags = new ArrayList<>();
        for (int f = random.nextInt(4); f > 0; f--) {
            flags.add(List.of("GAP", "PRICE_JUMP", "OHLC_INCONSISTENT", "OFF_GRID")
                    .get(random.nextInt(4)));
        }
        return new CandleClosed(
                envelope,
                Symbol.of("S" + Integer.toString(random.nextInt(1_000_000), 36).toUpperCase() + "USDT"),
                interval,
                open,
                close,
                Price.of(positive(random)),
                Price.of(positive(random)),
                Price.of(positive(random)),
                Price.of(positive(random)),
                Quantity.of(decimal(random)),
                Quantity.of(decimal(random)),
                random.nextInt(3) == 0 ? 0 : random.nextLong(0, Long.MAX_VALUE),
                Quantity.of(decimal(random)),
                Quantity.of(decimal(random)),
                SOURCES.get(random.nextInt(SOURCES.size())),
                flags);
    }

    /**
     * Scales -3 to 18 and up to 30 digits, at most 20 of them before the point (the bound of every decimal): plain and
     * exponent toString forms both occur.
     */
    private static BigDecimal decimal(Random random) {
        BigDecimal value;
        do {
            value = new BigDecimal(new BigInteger(random.nextInt(100), random), random.nextInt(22) - 3);
        } while (value.precision() - value.scale() > Decimals.MAX_INTEGER_DIGITS);
        return value;
    }

    private static BigDecimal positive(Random random) {
        BigDecimal value = decimal(random);
        return value.signum() == 0 ? new BigDecimal("0.00000010") : value;
    }
}
