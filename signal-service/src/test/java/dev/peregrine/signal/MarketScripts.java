package dev.peregrine.signal;

import dev.peregrine.common.event.CandleClosed;
import dev.peregrine.common.value.Interval;
import dev.peregrine.signal.domain.bar.Bar;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.IntFunction;

/**
 * Candle series on which the analysts fire deterministically, for the use-case and integration tests.
 *
 * <p>{@link #breakout}: 60 bars of a sideways market (closes stepping 0.2 % up for 3 bars, then down for 3,
 * ordinary volume, balanced takers), then at {@link #BREAKOUT} one bar closing 1.8 % up on 60 (about five times
 * the usual volume) with 85 % taker buying, then 20 bars rising 0.8 % each on moderately raised volume. With
 * the default configuration the breakout bar (regime RANGING, volatility not known yet) has momentum (EMA cross),
 * breakout (Donchian break confirmed by volume) and order flow (one-sided volume spike) BULLISH and nobody against:
 * the verdict is BULLISH, breakout and order-flow signals are TRADE (grade B), momentum's REDUCE (grade C). In
 * the range momentum crosses back and forth alone (grade D, SKIP).
 */
public final class MarketScripts {

    /** Index of the breakout bar in {@link #breakout}. */
    public static final int BREAKOUT = 60;

    public static final int LENGTH = 81;

    private MarketScripts() {}

    /** The candle as the domain sees it. */
    public static Bar bar(CandleClosed c) {
        return new Bar(
                c.openTime(),
                c.closeTime(),
                c.open().value(),
                c.high().value(),
                c.low().value(),
                c.close().value(),
                c.volume().value(),
                c.quoteVolume().value(),
                c.takerBuyBaseVolume().value(),
                c.qualityFlags());
    }

    /** A long wave-shaped series (steady drift, two cycles, varying volume) for warm-up and rebuild tests. */
    public static List<CandleClosed> waves(
            String symbol, Interval interval, Instant firstOpen, int bars, IntFunction<UUID> eventIds) {
        CandleSeries series = new CandleSeries(symbol, interval, firstOpen, "42000.00", eventIds);
        List<CandleClosed> candles = new ArrayList<>(bars);
        for (int i = 0; i < bars; i++) {
            double percent = 0.02 + 0.9 * Math.sin(i / 9.0) + 0.4 * Math.cos(i * 1.3);
            BigDecimal volume = BigDecimal.valueOf(10 + 8 * Math.abs(Math.sin(i / 4.0)) + (i % 23 == 0 ? 40 : 0))
                    .setScale(3, java.math.RoundingMode.HALF_EVEN);
            double takers = 0.5 + 0.3 * Math.sin(i / 7.0);
            candles.add(series.bar(percent, volume, takers, new BigDecimal("0.002")));
        }
        return candles;
    }

    public static List<CandleClosed> breakout(
            String symbol, Interval interval, Instant firstOpen, String firstClose, IntFunction<UUID> eventIds) {
        CandleSeries series = new CandleSeries(symbol, interval, firstOpen, firstClose, eventIds);
        List<CandleClosed> candles = new ArrayList<>(series.range(BREAKOUT, 0.2, 3));
        candles.add(series.bar(1.8, new BigDecimal("60"), 0.85));
        for (int i = 0; i < LENGTH - BREAKOUT - 1; i++) {
            candles.add(series.bar(0.8, new BigDecimal("20").add(BigDecimal.valueOf(i % 5)), 0.6));
        }
        return candles;
    }
}
