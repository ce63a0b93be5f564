package dev.peregrine.risk.domain.sizing;

import dev.peregrine.risk.domain.portfolio.PositionKey;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * A BUY signal as the sizer sees it.
 *
 * @param confidence     0..1, from the validation
 * @param sizeMultiplier 0..1, from the validation
 * @param regime         the market regime the signal saw, or null
 * @param at             market time of the signal (its candle's close)
 */
public record EntryRequest(
        PositionKey key,
        BigDecimal entryPrice,
        BigDecimal stopPrice,
        BigDecimal confidence,
        BigDecimal sizeMultiplier,
        String regime,
        Instant at) {

    public EntryRequest {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(entryPrice, "entryPrice");
        Objects.requireNonNull(stopPrice, "stopPrice");
        Objects.requireNonNull(confidence, "confidence");
        Objects.requireNonNull(sizeMultiplier, "sizeMultiplier");
        Objects.requireNonNull(at, "at");
        requireUnit("confidence", confidence);
        requireUnit("sizeMultiplier", sizeMultiplier);
        if (entryPrice.signum() <= 0) {
            throw new IllegalArgumentException("entry price must be positive: " + entryPrice.toPlainString());
        }
    }

    private static void requireUnit(String what, BigDecimal value) {
        if (value.signum() < 0 || value.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException(what + " must be within 0..1: " + value.toPlainString());
        }
    }
}
