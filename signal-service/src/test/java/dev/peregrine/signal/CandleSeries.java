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
 * Builds realistic consecutive closed candles: each bar opens at the previous close, its wicks reach a given
 * share beyond its body, prices keep two decimals like a USDT pair, and volume and taker buying can be set per
 * bar (by default a volume that varies a little, 12.345 to 18.345, half of it bought by takers).
 */
public final class CandleSeries {

    private static final BigDecimal DEFAULT_WICK = new BigDecimal("0.001");

    private final Symbol symbol;
    private final Interval interval;
    private final IntFunction<UUID> eventIds;
    private Instant nextOpen;
    private BigDecimal lastClose;
    private int count;

    public CandleSeries(
            String symbol, Interval interval, Instant firstOpen, String firstClose, IntFunction<UUID> eventIds) {
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
            candles.add(bar(percentPerBar, defaultVolume(), 0.5));
        }
        return candles;
    }

    /**
     * A sideways market: {@code bars} candles whose closes step up and down around the start by
     * {@code percentPerBar}, changing direction every {@code legBars} bars, on ordinary volume.
     */
    public List<CandleClosed> range(int bars, double percentPerBar, int legBars) {
        List<CandleClosed> candles = new ArrayList<>();
        for (int i = 0; i < bars; i++) {
            double sign = (i / legBars) % 2 == 0 ? 1.0 : -1.0;
            candles.add(bar(sign * percentPerBar, defaultVolume(), 0.5));
        }
        return candles;
    }

    /**
     * One candle closing {@code percent} % away from its open with the given volume, of which
     * {@code takerBuyShare} (0-1) was bought by takers; wicks 0.1 % beyond the body.
     */
    public CandleClosed bar(double percent, BigDecimal volume, double takerBuyShare) {
        return bar(percent, volume, takerBuyShare, DEFAULT_WICK);
    }

    /** The same with wicks {@code wick} (a share of the price, e.g. 0.001) beyond the body. */
    public CandleClosed bar(double percent, BigDecimal volume, double takerBuyShare, BigDecimal wick) {
        BigDecimal open = lastClose;
        BigDecimal close =
                open.multiply(BigDecimal.valueOf(1 + percent / 100.0)).setScale(2, RoundingMode.HALF_EVEN);
        return candle(open, close, volume, BigDecimal.valueOf(takerBuyShare), wick, List.of());
    }

    /** One candle closing at {@code close}, carrying the given data-quality flags. */
    public CandleClosed next(String close, List<String> qualityFlags) {
        return candle(
                lastClose, new BigDecimal(close), defaultVolume(), new BigDecimal("0.5"), DEFAULT_WICK, qualityFlags);
    }

    public int count() {
        return count;
    }

    private BigDecimal defaultVolume() {
        return new BigDecimal("12.345").add(BigDecimal.valueOf(count % 7));
    }

    private CandleClosed candle(
            BigDecimal open,
            BigDecimal close,
            BigDecimal volume,
            BigDecimal takerBuyShare,
            BigDecimal wick,
            List<String> qualityFlags) {
        BigDecimal high = open.max(close).multiply(BigDecimal.ONE.add(wick)).setScale(2, RoundingMode.CEILING);
        BigDecimal low = open.min(close).multiply(BigDecimal.ONE.subtract(wick)).setScale(2, RoundingMode.FLOOR);
        Instant openTime = nextOpen;
        Instant closeTime = openTime.plus(interval.length()).minusMillis(1);
        BigDecimal takerBuy = volume.multiply(takerBuyShare).setScale(8, RoundingMode.HALF_EVEN);
        CandleClosed candle = new CandleClosed(
                Envelope.root(eventIds.apply(count), closeTime, closeTime.plusMillis(150)),
                symbol,
                interval,
                openTime,
                closeTime,
                Price.of(open),
                Price.of(high),
                Price.of(low),
                Price.of(close),
                Quantity.of(volume),
                Quantity.of(volume.multiply(close).setScale(2, RoundingMode.HALF_EVEN)),
                1000 + count,
                Quantity.of(takerBuy),
                Quantity.of(takerBuy.multiply(close).setScale(2, RoundingMode.HALF_EVEN)),
                "test",
                qualityFlags);
        nextOpen = openTime.plus(interval.length());
        lastClose = close;
        count++;
        return candle;
    }
}
