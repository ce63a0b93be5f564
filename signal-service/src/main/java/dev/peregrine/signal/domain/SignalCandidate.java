package dev.peregrine.signal.domain;

import dev.peregrine.common.value.Side;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * A signal a strategy proposed, before validation.
 *
 * @param referencePrice the close of the bar the signal fired on, exactly as received
 * @param qualityFlags   the data-quality flags of that bar
 */
public record SignalCandidate(Side side, BigDecimal referencePrice, IndicatorSnapshot indicators, List<String> qualityFlags) {

    public SignalCandidate {
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(referencePrice, "referencePrice");
        Objects.requireNonNull(indicators, "indicators");
        qualityFlags = List.copyOf(Objects.requireNonNull(qualityFlags, "qualityFlags"));
        if (referencePrice.signum() <= 0) {
            throw new IllegalArgumentException("reference price must be positive: " + referencePrice.toPlainString());
        }
    }
}
