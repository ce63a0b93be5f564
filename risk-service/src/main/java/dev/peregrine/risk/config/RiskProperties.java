package dev.peregrine.risk.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Risk settings ({@code peregrine.risk.*}); defaults in {@code risk-service.yml}. Fractions are of equity.
 *
 * @param quoteAsset          the asset cash and P&L are kept in; symbols are {@code <base><quote>}
 * @param startingBalance     paper trading starts with this much quote asset
 * @param seedFromVenue       true on a live venue: cash comes from execution's first account snapshot instead
 * @param riskPerTrade        what a full-confidence trade loses at its stop
 * @param maxPositionFraction largest value of one position (strategy and symbol)
 * @param maxSymbolFraction   largest value in one symbol across strategies
 * @param maxGroupFraction    largest value in one correlation group
 * @param maxGrossExposure    largest value of all positions together (1 = no leverage)
 * @param maxOpenPositions    positions open or being entered at once
 * @param maxOrdersPerMinute  intents per minute of market time
 * @param reservationBuffer   an entry reserves quantity x price x (1 + this) for fees and slippage
 * @param rewardToRisk        take-profit distance as a multiple of the stop distance
 * @param maxHoldingTime      positions older than this are closed; unset = no limit
 * @param addToPositions      whether a BUY may add to an open position
 * @param exitOnPause         whether pausing a strategy closes its positions
 * @param regimeFactors       size factor per market regime label (TREND_VOLATILITY, e.g. TRENDING_HIGH), 0..1;
 *                            a regime not listed trades at 1
 * @param state               bounds on per-symbol state (docs/security.md, "Bounded state")
 */
@Validated
@ConfigurationProperties("peregrine.risk")
public record RiskProperties(
        @NotNull(message = "set peregrine.risk.quote-asset to the asset cash is held in, e.g. USDT")
        @Pattern(
                regexp = "[A-Z0-9]{2,12}",
                message = "peregrine.risk.quote-asset must be an upper case asset code like USDT")
        String quoteAsset,

        @NotNull(message = "set peregrine.risk.starting-balance to the paper account's quote balance, e.g. 10000")
        @DecimalMin(value = "0", message = "peregrine.risk.starting-balance must not be negative, e.g. 10000")
        BigDecimal startingBalance,

        boolean seedFromVenue,

        @NotNull(message = "set peregrine.risk.risk-per-trade, e.g. 0.01 for 1% of equity per trade")
        @DecimalMin(
                value = "0",
                inclusive = false,
                message = "peregrine.risk.risk-per-trade must be above 0, e.g. 0.01")
        @DecimalMax(value = "0.1", message = "peregrine.risk.risk-per-trade must be at most 0.1; 0.01 is usual")
        BigDecimal riskPerTrade,

        @NotNull(message = "set peregrine.risk.max-position-fraction, e.g. 0.05")
        @DecimalMin(value = "0", inclusive = false, message = "peregrine.risk.max-position-fraction must be above 0")
        @DecimalMax(value = "1", message = "peregrine.risk.max-position-fraction must be at most 1 (no leverage)")
        BigDecimal maxPositionFraction,

        @NotNull(message = "set peregrine.risk.max-symbol-fraction, e.g. 0.10")
        @DecimalMin(value = "0", inclusive = false, message = "peregrine.risk.max-symbol-fraction must be above 0")
        @DecimalMax(value = "1", message = "peregrine.risk.max-symbol-fraction must be at most 1 (no leverage)")
        BigDecimal maxSymbolFraction,

        @NotNull(message = "set peregrine.risk.max-group-fraction, e.g. 0.25")
        @DecimalMin(value = "0", inclusive = false, message = "peregrine.risk.max-group-fraction must be above 0")
        @DecimalMax(value = "1", message = "peregrine.risk.max-group-fraction must be at most 1 (no leverage)")
        BigDecimal maxGroupFraction,

        @NotNull(message = "set peregrine.risk.max-gross-exposure, e.g. 1 (all of equity, no leverage)")
        @DecimalMin(value = "0", inclusive = false, message = "peregrine.risk.max-gross-exposure must be above 0")
        @DecimalMax(value = "1", message = "peregrine.risk.max-gross-exposure must be at most 1: spot, no leverage")
        BigDecimal maxGrossExposure,

        @Min(value = 1, message = "peregrine.risk.max-open-positions must be at least 1, e.g. 10")
        @Max(value = 1000, message = "peregrine.risk.max-open-positions must be at most 1000")
        int maxOpenPositions,

        @Min(value = 1, message = "peregrine.risk.max-orders-per-minute must be at least 1, e.g. 20")
        @Max(value = 6000, message = "peregrine.risk.max-orders-per-minute must be at most 6000")
        int maxOrdersPerMinute,

        @NotNull(message = "set peregrine.risk.reservation-buffer, e.g. 0.005")
        @DecimalMin(value = "0", message = "peregrine.risk.reservation-buffer must not be negative")
        @DecimalMax(value = "0.1", message = "peregrine.risk.reservation-buffer must be at most 0.1")
        BigDecimal reservationBuffer,

        @NotNull(message = "set peregrine.risk.reward-to-risk, e.g. 2")
        @DecimalMin(value = "0", inclusive = false, message = "peregrine.risk.reward-to-risk must be above 0, e.g. 2")
        BigDecimal rewardToRisk,

        Duration maxHoldingTime,

        boolean addToPositions,

        boolean exitOnPause,

        Map<String, BigDecimal> regimeFactors,

        @NotNull(message = "set peregrine.risk.breaker.* (see risk-service.yml)") @Valid
        Breaker breaker,

        @NotNull(message = "set peregrine.risk.correlation.* (see risk-service.yml)") @Valid
        Correlation correlation,

        @Valid CapitalRampSettings capitalRamp,

        @NotNull(
                message =
                        "set peregrine.risk.state.* (max-marks, mark-idle-after, max-correlation-symbols; see risk-service.yml)")
        @Valid
        State state) {

    /**
     * What a stream of ever new symbols could make grow, bounded. Held symbols (a position or an order in flight)
     * and the quote pairs of assets in cash are never dropped, so they may exceed the counts.
     *
     * @param maxMarks              marks (last close per symbol) kept; one more drops the oldest unused one
     * @param markIdleAfter         a mark without a candle for this long of market time is dropped unless in use
     * @param maxCorrelationSymbols symbols whose daily closes the correlation groups keep; one more drops the one
     *                              whose latest close is oldest, never a held one
     */
    public record State(
            @Min(value = 1, message = "peregrine.risk.state.max-marks must be at least 1; the default is 2000")
            @Max(
                    value = 1000000,
                    message = "peregrine.risk.state.max-marks must be at most 1000000; the default is 2000")
            int maxMarks,

            @NotNull(message = "set peregrine.risk.state.mark-idle-after, e.g. 3d")
            Duration markIdleAfter,

            @Min(
                    value = 2,
                    message =
                            "peregrine.risk.state.max-correlation-symbols must be at least 2 (a pair); the default is 1000")
            @Max(
                    value = 100000,
                    message =
                            "peregrine.risk.state.max-correlation-symbols must be at most 100000; the default is 1000")
            int maxCorrelationSymbols) {

        @jakarta.validation.constraints.AssertTrue(
                message =
                        "peregrine.risk.state.mark-idle-after must be positive, e.g. 3d (longer than the longest candle interval)")
        public boolean isMarkIdleAfterPositive() {
            return markIdleAfter == null || (!markIdleAfter.isNegative() && !markIdleAfter.isZero());
        }
    }

    /**
     * The capital ramp live trading starts with (unset: off). An OPERATOR changes it over REST afterwards
     * ({@code PUT /api/v1/risk/capital-ramp}); that change is kept with the book and wins over this.
     *
     * @param maxOrderNotional largest entry, in the quote asset; unset = no cap per order
     * @param maxTotalExposure largest value of all positions and entries in flight, in the quote asset; unset = none
     */
    public record CapitalRampSettings(
            @DecimalMin(
                    value = "0",
                    message = "peregrine.risk.capital-ramp.max-order-notional must not be negative, e.g. 50")
            BigDecimal maxOrderNotional,

            @DecimalMin(
                    value = "0",
                    message = "peregrine.risk.capital-ramp.max-total-exposure must not be negative, e.g. 200")
            BigDecimal maxTotalExposure) {}

    public RiskProperties {
        regimeFactors = regimeFactors == null ? Map.of() : Map.copyOf(regimeFactors);
    }

    @jakarta.validation.constraints.AssertTrue(
            message = "peregrine.risk.regime-factors.<REGIME> must be within (0, 1] "
                    + "for regimes like TRENDING_HIGH or RANGING_LOW, e.g. TRENDING_HIGH: 0.5")
    public boolean isRegimeFactorsValid() {
        return regimeFactors.entrySet().stream()
                .allMatch(e -> e.getKey().matches("(TRENDING|RANGING|UNKNOWN)_(HIGH|LOW|UNKNOWN)")
                        && e.getValue() != null
                        && e.getValue().signum() > 0
                        && e.getValue().compareTo(BigDecimal.ONE) <= 0);
    }

    /**
     * The daily-loss breaker and the drawdown limit.
     *
     * @param cooldown unset = a halt lasts until the next 00:00 UTC
     */
    public record Breaker(
            @NotNull(message = "set peregrine.risk.breaker.warning-loss, e.g. 0.01")
            @DecimalMin(value = "0", inclusive = false, message = "peregrine.risk.breaker.warning-loss must be above 0")
            BigDecimal warningLoss,

            @NotNull(message = "set peregrine.risk.breaker.halt-loss, e.g. 0.02")
            @DecimalMin(value = "0", inclusive = false, message = "peregrine.risk.breaker.halt-loss must be above 0")
            @DecimalMax(value = "1", message = "peregrine.risk.breaker.halt-loss must be at most 1")
            BigDecimal haltLoss,

            @NotNull(message = "set peregrine.risk.breaker.reducing-size-factor, e.g. 0.5")
            @DecimalMin(
                    value = "0",
                    inclusive = false,
                    message = "peregrine.risk.breaker.reducing-size-factor must be above 0")
            @DecimalMax(value = "1", message = "peregrine.risk.breaker.reducing-size-factor must be at most 1")
            BigDecimal reducingSizeFactor,

            Duration cooldown,
            boolean flattenOnHalt,

            @NotNull(message = "set peregrine.risk.breaker.max-drawdown, e.g. 0.10")
            @DecimalMin(value = "0", inclusive = false, message = "peregrine.risk.breaker.max-drawdown must be above 0")
            @DecimalMax(value = "1", message = "peregrine.risk.breaker.max-drawdown must be at most 1")
            BigDecimal maxDrawdown) {}

    /** Correlation groups: computed from daily returns, configured ones override. */
    public record Correlation(
            @Min(value = 2, message = "peregrine.risk.correlation.lookback-days must be at least 2, e.g. 30")
            @Max(value = 366, message = "peregrine.risk.correlation.lookback-days must be at most 366")
            int lookbackDays,

            @Min(value = 3, message = "peregrine.risk.correlation.min-common-returns must be at least 3, e.g. 10")
            int minCommonReturns,

            @DecimalMin(
                    value = "0",
                    inclusive = false,
                    message = "peregrine.risk.correlation.threshold must be above 0")
            @DecimalMax(value = "1", message = "peregrine.risk.correlation.threshold must be at most 1, e.g. 0.7")
            double threshold,

            Map<String, List<String>> groups) {

        public Correlation {
            groups = groups == null ? Map.of() : Map.copyOf(groups);
        }
    }
}
