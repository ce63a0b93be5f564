package dev.peregrine.exchangesim;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Generated klines with distinct, recognisable prices: kline i opens at {@code base + i}. */
final class TestKlines {

    static final Instant START = Instant.parse("2024-01-01T00:00:00Z");

    private TestKlines() {}

    static List<Kline> minutes(int count, int base) {
        List<Kline> klines = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int open = base + i;
            klines.add(Kline.of(
                    KlineInterval.M1,
                    START.plusSeconds(60L * i),
                    open + ".10",
                    open + ".90",
                    open + ".00",
                    open + ".50",
                    "1.5"));
        }
        return klines;
    }
}
