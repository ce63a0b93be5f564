package dev.peregrine.signal;

import dev.peregrine.common.event.CandleClosed;
import dev.peregrine.common.event.Envelope;
import dev.peregrine.common.value.Interval;
import dev.peregrine.common.value.Price;
import dev.peregrine.common.value.Quantity;
import dev.peregrine.common.value.Symbol;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.IntFunction;

/**
 * Builds realistic consecutive closed candles from a sequence of per-bar returns: each bar opens at the
 * previous close, its wicks reach 0.1 % beyond its body, and prices keep two decimals like a USDT pair.
 */
public final class CandleSeries {

    private final Symbol symbol;
    private final Interval interval;
    private final IntFunction<UUID> eventIds;
    private Instant nextOpen;
    private BigDecimal lastClose;
    private int count;

    public CandleSeries(String symbol, Interval interval, Instant firstOpen, String firstClose, IntFunction<UUID> eventIds) {
        this.symbol = Symbol.of(symbol);
        this.interval = interval;
        this.nextOpen = firstOpen;
        this.lastClose = new BigDecimal(firstClose);
        this.eventIds = eventIds;
    }

    /** {@code bars} candles, each closing {@code percentPerBar} % above (or, if negative, below) its open. */
    public List<CandleClosed> move(int bars, double percentPerBar) {
        List<CandleClosed> candles = new ArrayList<>();
        for (int i = 0; i < bars; i++) {
            BigDecimal open = lastClose;
            BigDecimal close = open.multiply(BigDecimal.valueOf(1 + percentPerBar / 100.0)).setScale(2, RoundingMode.HALF_EVEN);
            candles.add(candle(open, close, List.of()));
        }
        return candles;
    }

    /** One candle closing at {@code close}, carrying the given data-quality flags. */
    public CandleClosed next(String close, List<String> qualityFlags) {
        return candle(lastClose, new BigDecimal(close), qualityFlags);
    }

    private CandleClosed candle(BigDecimal open, BigDecimal close, List<String> qualityFlags) {
        BigDecimal high = open.max(close).multiply(new BigDecimal("1.001")).setScale(2, RoundingMode.CEILING);
        BigDecimal low = open.min(close).multiply(new BigDecimal("0.999")).setScale(2, RoundingMode.FLOOR);
        Instant openTime = nextOpen;
        Instant closeTime = openTime.plus(interval.length()).minusMillis(1);
        BigDecimal volume = new BigDecimal("12.345").add(BigDecimal.valueOf(count % 7));
        CandleClosed candle = new CandleClosed(
                Envelope.root(eventIds.apply(count), closeTime, closeTime.plusMillis(150)),
                symbol, interval, openTime, closeTime, Price.of(open), Price.of(high), Price.of(low), Price.of(close),
                Quantity.of(volume), Quantity.of(volume.multiply(close).setScale(2, RoundingMode.HALF_EVEN)), 1000 + count,
                Quantity.of(volume.divide(BigDecimal.TWO)), Quantity.of(volume.multiply(close).divide(BigDecimal.TWO).setScale(2, RoundingMode.HALF_EVEN)),
                "test", qualityFlags);
        nextOpen = openTime.plus(interval.length());
        lastClose = close;
        count++;
        return candle;
    }
}
