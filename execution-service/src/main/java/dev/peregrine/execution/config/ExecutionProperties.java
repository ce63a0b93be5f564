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

/**
 * Settings of execution-service ({@code peregrine.execution.*}); defaults in {@code execution-service.yml}.
 *
 * @param venue            where orders go
 * @param maxOrderNotional largest quote value (quantity × execution price) one order may have
 * @param paper            the paper venue's settings
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
        Paper paper) {

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
