package dev.peregrine.signal.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What the strategy needs of a closed candle. Prices stay {@link BigDecimal} here so the signal's
 * reference price is the close exactly as received; the indicator maths converts to {@code double}.
 *
 * @param qualityFlags the data-quality flags ingest attached; empty for a clean candle
 */
public record Bar(Instant openTime, BigDecimal high, BigDecimal low, BigDecimal close, List<String> qualityFlags) {

    public Bar {
        Objects.requireNonNull(openTime, "openTime");
        Objects.requireNonNull(high, "high");
        Objects.requireNonNull(low, "low");
        Objects.requireNonNull(close, "close");
        qualityFlags = List.copyOf(Objects.requireNonNull(qualityFlags, "qualityFlags"));
    }
}
