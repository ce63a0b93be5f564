package dev.peregrine.execution.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import java.math.BigDecimal;
import java.time.Duration;

/**
 * Settings of execution-service ({@code peregrine.execution.*}); defaults in {@code execution-service.yml}.
 *
 * @param venue            where orders go
 * @param maxOrderNotional largest quote value (quantity × execution price) one order may have
 * @param paper            the paper venue's settings
 * @param venueOrders      how orders the venue has not settled are looked up and how often Peregrine reconciles
 */
@Validated
@ConfigurationProperties("peregrine.execution")
public record ExecutionProperties(
        @NotNull(message = "set peregrine.execution.venue to PAPER")
        Venue venue,
        @NotNull(message = "set peregrine.execution.max-order-notional to the largest order value allowed, e.g. 100000")
        @DecimalMin(value = "0", inclusive = false,
                message = "peregrine.execution.max-order-notional must be positive, e.g. 100000")
        BigDecimal maxOrderNotional,
        @NotNull(message = "set peregrine.execution.paper.fee-rate, peregrine.execution.paper.fee-asset and "
                + "peregrine.execution.paper.slippage-bps")
        @Valid
        Paper paper,
        @NotNull(message = "set peregrine.execution.venue-orders.* (see execution-service.yml for the defaults)")
        @Valid
        VenueOrders venueOrders) {

    /**
     * @param reconcileEvery how often every unsettled and working order is compared with the venue (also at start-up)
     * @param resolveEvery   how often PENDING_SUBMIT and UNKNOWN orders whose back-off has passed are looked up
     * @param firstRetry     the first back-off after a lookup that settled nothing; it doubles each time
     * @param maxRetry       the longest back-off
     * @param absenceGrace   how long after an order became UNKNOWN the venue's "no such order" is not believed
     *                       (Binance may answer -2013 for an order it has not made visible yet)
     */
    public record VenueOrders(
            @NotNull(message = "set peregrine.execution.venue-orders.reconcile-every, e.g. 60s") Duration reconcileEvery,
            @NotNull(message = "set peregrine.execution.venue-orders.resolve-every, e.g. 5s") Duration resolveEvery,
            @NotNull(message = "set peregrine.execution.venue-orders.first-retry, e.g. 1s") Duration firstRetry,
            @NotNull(message = "set peregrine.execution.venue-orders.max-retry, e.g. 60s") Duration maxRetry,
            @NotNull(message = "set peregrine.execution.venue-orders.absence-grace, e.g. 30s") Duration absenceGrace) {

        @AssertTrue(message = "peregrine.execution.venue-orders durations must be positive and first-retry <= max-retry")
        public boolean isConsistent() {
            return reconcileEvery == null || resolveEvery == null || firstRetry == null || maxRetry == null
                    || absenceGrace == null
                    || (reconcileEvery.isPositive() && resolveEvery.isPositive() && firstRetry.isPositive()
                    && maxRetry.compareTo(firstRetry) >= 0 && !absenceGrace.isNegative());
        }
    }

    /** Venues the service knows of. Only PAPER is implemented. */
    public enum Venue {
        PAPER,
        BINANCE
    }

    /**
     * @param feeRate     fee per fill as a fraction of the notional
     * @param feeAsset    asset the fee is charged in (the quote asset)
     * @param slippageBps how far, in basis points of the price, a market order or a triggered stop fills against
     *                    itself (clamped to the candle's range)
     */
    public record Paper(
            @NotNull(message = "set peregrine.execution.paper.fee-rate, e.g. 0.001 for 0.1 %")
            @DecimalMin(value = "0", message = "peregrine.execution.paper.fee-rate must be within 0..0.01, e.g. 0.001")
            @DecimalMax(value = "0.01", message = "peregrine.execution.paper.fee-rate must be within 0..0.01, e.g. 0.001")
            BigDecimal feeRate,
            @NotNull(message = "set peregrine.execution.paper.fee-asset to an asset code like USDT")
            @Pattern(regexp = "[A-Z0-9]{2,12}",
                    message = "peregrine.execution.paper.fee-asset must be an asset code like USDT")
            String feeAsset,
            @NotNull(message = "set peregrine.execution.paper.slippage-bps, e.g. 2 (0.02 %)")
            @DecimalMin(value = "0", message = "peregrine.execution.paper.slippage-bps must be within 0..1000, e.g. 2")
            @DecimalMax(value = "1000", message = "peregrine.execution.paper.slippage-bps must be within 0..1000, e.g. 2")
            BigDecimal slippageBps) {
    }

    @AssertTrue(message = "venue BINANCE is not available yet; set peregrine.execution.venue=PAPER")
    public boolean isVenueAvailable() {
        return venue != Venue.BINANCE;
    }
}
