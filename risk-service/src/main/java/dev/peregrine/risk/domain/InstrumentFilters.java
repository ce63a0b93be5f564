package dev.peregrine.risk.domain;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The exchange's trading rules for one symbol (Binance LOT_SIZE and NOTIONAL filters).
 *
 * @param stepSize    order quantities must be a multiple of it
 * @param minNotional smallest quantity x price the exchange accepts, in quote asset
 * @param minQuantity smallest order quantity the exchange accepts
 */
public record InstrumentFilters(BigDecimal stepSize, BigDecimal minNotional, BigDecimal minQuantity) {

    public InstrumentFilters {
        Objects.requireNonNull(stepSize, "stepSize");
        Objects.requireNonNull(minNotional, "minNotional");
        Objects.requireNonNull(minQuantity, "minQuantity");
        if (stepSize.signum() <= 0) {
            throw new IllegalArgumentException("stepSize must be positive: " + stepSize.toPlainString());
        }
        if (minNotional.signum() < 0 || minQuantity.signum() < 0) {
            throw new IllegalArgumentException("minNotional and minQuantity must not be negative");
        }
    }
}
