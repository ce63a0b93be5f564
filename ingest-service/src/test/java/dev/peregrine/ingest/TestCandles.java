package dev.peregrine.ingest;

import dev.peregrine.common.value.Interval;
import dev.peregrine.common.value.Symbol;
import dev.peregrine.ingest.domain.Candle;
import dev.peregrine.ingest.domain.Series;
import java.math.BigDecimal;
import java.time.Instant;

/** Consistent candles for tests: slot n of a series opens n intervals after {@code start}, priced around 100 + n. */
public final class TestCandles {

    private TestCandles() {}

    public static Candle candle(Series series, Instant start, int slot) {
        Interval interval = series.interval();
        Instant open = start.plus(interval.length().multipliedBy(slot));
        BigDecimal base = BigDecimal.valueOf(100 + slot);
        return new Candle(
                series.symbol(),
                interval,
                open,
                open.plus(interval.length()).minusMillis(1),
                base,
                base.add(new BigDecimal("2.5")),
                base.subtract(new BigDecimal("1.25")),
                base.add(BigDecimal.ONE),
                new BigDecimal("12.5"),
                new BigDecimal("1262.5"),
                42,
                new BigDecimal("6.25"),
                new BigDecimal("631.25"));
    }

    public static Series series(String symbol, Interval interval) {
        return new Series(Symbol.of(symbol), interval);
    }
}
