package dev.peregrine.execution.adapter.out.binance;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A symbol's PRICE_FILTER tick size and LOT_SIZE step and minimum ({@code GET /api/v3/exchangeInfo}): what a price
 * or quantity must be a multiple of to be accepted.
 */
public record SymbolFilters(String symbol, BigDecimal tickSize, BigDecimal stepSize, BigDecimal minQty) {

    /** {@code price} on the tick, rounded {@code mode} (a zero tick disables the rule). */
    public BigDecimal price(BigDecimal price, RoundingMode mode) {
        return onStep(price, tickSize, mode);
    }

    /** {@code quantity} on the step, rounded down: never more than asked. */
    public BigDecimal quantity(BigDecimal quantity) {
        return onStep(quantity, stepSize, RoundingMode.DOWN);
    }

    private static BigDecimal onStep(BigDecimal value, BigDecimal step, RoundingMode mode) {
        if (step.signum() == 0) {
            return value;
        }
        return value.divide(step, 0, mode).multiply(step).stripTrailingZeros();
    }
}
