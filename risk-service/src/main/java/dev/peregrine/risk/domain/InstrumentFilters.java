package dev.peregrine.risk.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;
import java.util.Optional;

/**
 * The exchange's trading rules for one symbol, as ingest publishes them from {@code exchangeInfo}
 * ({@code market.instruments.v1}): PRICE_FILTER, LOT_SIZE, MARKET_LOT_SIZE and NOTIONAL/MIN_NOTIONAL.
 *
 * @param status            the exchange's status; only TRADING symbols take orders
 * @param tickSize          prices are multiples of it
 * @param stepSize          quantities are multiples of it
 * @param minQuantity       smallest order quantity
 * @param minNotional       smallest quantity x price, in quote asset
 * @param maxQuantity       largest order quantity; null when none is stated
 * @param marketMaxQuantity largest MARKET order quantity; null when none is stated
 * @param maxNotional       largest quantity x price; null when none is stated
 */
public record InstrumentFilters(
        String status,
        BigDecimal tickSize,
        BigDecimal stepSize,
        BigDecimal minQuantity,
        BigDecimal minNotional,
        BigDecimal maxQuantity,
        BigDecimal marketMaxQuantity,
        BigDecimal maxNotional) {

    public InstrumentFilters {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(tickSize, "tickSize");
        Objects.requireNonNull(stepSize, "stepSize");
        Objects.requireNonNull(minNotional, "minNotional");
        Objects.requireNonNull(minQuantity, "minQuantity");
        if (stepSize.signum() <= 0 || tickSize.signum() <= 0) {
            throw new IllegalArgumentException("stepSize and tickSize must be positive");
        }
        if (minNotional.signum() < 0 || minQuantity.signum() < 0) {
            throw new IllegalArgumentException("minNotional and minQuantity must not be negative");
        }
    }

    public boolean trading() {
        return "TRADING".equals(status);
    }

    /** Largest quantity a MARKET order may have: the tighter of LOT_SIZE and MARKET_LOT_SIZE, if any. */
    public Optional<BigDecimal> marketOrderMaxQuantity() {
        if (maxQuantity == null) {
            return Optional.ofNullable(marketMaxQuantity);
        }
        return Optional.of(marketMaxQuantity == null ? maxQuantity : maxQuantity.min(marketMaxQuantity));
    }

    /** {@code quantity} rounded down to a multiple of the step size. */
    public BigDecimal roundDownToStep(BigDecimal quantity) {
        if (quantity.signum() <= 0) {
            return BigDecimal.ZERO;
        }
        BigDecimal steps = quantity.divide(stepSize, 0, RoundingMode.DOWN);
        BigDecimal rounded = steps.multiply(stepSize);
        return rounded.scale() < 0
                ? rounded.setScale(0)
                : rounded.stripTrailingZeros().scale() < 0 ? rounded.setScale(0) : rounded.stripTrailingZeros();
    }

    /** {@code price} rounded to the tick size, down (for stops, so they trigger no later) or up. */
    public BigDecimal roundToTick(BigDecimal price, RoundingMode mode) {
        BigDecimal rounded = price.divide(tickSize, 0, mode).multiply(tickSize);
        BigDecimal stripped = rounded.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
