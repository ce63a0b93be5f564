package dev.peregrine.backtest.engine;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One candle of a symbol as the services saw it (after ingest's quality stage), for charts.
 *
 * @param qualityFlags the data-quality rules it broke (empty for a clean candle); signal-service grades such
 *                     candles F and never trades them
 */
public record PriceBar(
        Instant openTime,
        Instant closeTime,
        BigDecimal open,
        BigDecimal high,
        BigDecimal low,
        BigDecimal close,
        BigDecimal volume,
        List<String> qualityFlags) {

    public PriceBar {
        Objects.requireNonNull(openTime, "openTime");
        Objects.requireNonNull(close, "close");
        qualityFlags = List.copyOf(qualityFlags);
    }
}
