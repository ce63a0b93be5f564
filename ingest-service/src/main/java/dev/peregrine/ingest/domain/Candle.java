package dev.peregrine.ingest.domain;

import dev.peregrine.common.value.Interval;
import dev.peregrine.common.value.Symbol;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * One kline as Binance reports it. Values are taken as they came: whether they are consistent is for the
 * data-quality rules ({@code domain.quality.QualityMonitor}) to judge, so an inconsistent candle can still be stored
 * and flagged.
 */
public record Candle(
        Symbol symbol,
        Interval interval,
        Instant openTime,
        Instant closeTime,
        BigDecimal open,
        BigDecimal high,
        BigDecimal low,
        BigDecimal close,
        BigDecimal volume,
        BigDecimal quoteVolume,
        long trades,
        BigDecimal takerBuyBaseVolume,
        BigDecimal takerBuyQuoteVolume) {

    public Candle {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(openTime, "openTime");
        Objects.requireNonNull(closeTime, "closeTime");
        Objects.requireNonNull(open, "open");
        Objects.requireNonNull(high, "high");
        Objects.requireNonNull(low, "low");
        Objects.requireNonNull(close, "close");
        Objects.requireNonNull(volume, "volume");
        Objects.requireNonNull(quoteVolume, "quoteVolume");
        Objects.requireNonNull(takerBuyBaseVolume, "takerBuyBaseVolume");
        Objects.requireNonNull(takerBuyQuoteVolume, "takerBuyQuoteVolume");
    }

    public Series series() {
        return new Series(symbol, interval);
    }
}
