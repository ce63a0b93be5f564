package dev.peregrine.ingest;

import dev.peregrine.exchangesim.Kline;
import dev.peregrine.exchangesim.KlineInterval;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Consistent 1m klines for the exchange simulator: a seeded random walk of small steps around {@code base}. */
public final class SimKlines {

    private SimKlines() {}

    public static List<Kline> minutes(Instant start, int count, long seed, String base) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Kline> klines = new ArrayList<>(count);
        BigDecimal close = new BigDecimal(base);
        for (int i = 0; i < count; i++) {
            BigDecimal open = close;
            // Steps of at most 0.1 %: well inside PRICE_JUMP's floor, so no candle is flagged.
            BigDecimal step = open.multiply(BigDecimal.valueOf(random.nextDouble(-0.001, 0.001)));
            close = open.add(step).setScale(2, RoundingMode.HALF_UP);
            BigDecimal high = open.max(close).add(new BigDecimal("0.50"));
            BigDecimal low = open.min(close).subtract(new BigDecimal("0.50"));
            klines.add(Kline.of(
                    KlineInterval.M1,
                    start.plus(Duration.ofMinutes(i)),
                    open.toPlainString(),
                    high.toPlainString(),
                    low.toPlainString(),
                    close.toPlainString(),
                    "1.50000000"));
        }
        return klines;
    }
}
