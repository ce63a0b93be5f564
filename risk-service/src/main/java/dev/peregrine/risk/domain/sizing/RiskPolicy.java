package dev.peregrine.risk.domain.sizing;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * The sizing rule and the portfolio-wide limits, all fractions of equity unless said otherwise.
 *
 * @param riskPerTrade         what a full-confidence trade loses at its stop
 * @param maxPositionFraction  largest value of one position (one strategy, one symbol)
 * @param maxSymbolFraction    largest value held in one symbol across strategies
 * @param maxGroupFraction     largest value held in one correlation group
 * @param maxGrossExposure     largest value of all positions together
 * @param maxOpenPositions     positions open or being entered at once
 * @param maxOrdersPerMinute   intents sent in any 60 s of market time
 * @param reservationBuffer    an entry reserves quantity x price x (1 + this): room for fees and slippage
 * @param rewardToRisk         take-profit distance as a multiple of the stop distance
 * @param maxHoldingTime       a position older than this is closed; null = no limit
 * @param addToPositions       whether a BUY may add to an open position of the same strategy and symbol
 * @param regimeFactors        size factor per market regime (missing regimes: 1)
 */
public record RiskPolicy(
        BigDecimal riskPerTrade,
        BigDecimal maxPositionFraction,
        BigDecimal maxSymbolFraction,
        BigDecimal maxGroupFraction,
        BigDecimal maxGrossExposure,
        int maxOpenPositions,
        int maxOrdersPerMinute,
        BigDecimal reservationBuffer,
        BigDecimal rewardToRisk,
        Duration maxHoldingTime,
        boolean addToPositions,
        Map<String, BigDecimal> regimeFactors) {

    public RiskPolicy {
        Objects.requireNonNull(riskPerTrade, "riskPerTrade");
        Objects.requireNonNull(maxPositionFraction, "maxPositionFraction");
        Objects.requireNonNull(maxSymbolFraction, "maxSymbolFraction");
        Objects.requireNonNull(maxGroupFraction, "maxGroupFraction");
        Objects.requireNonNull(maxGrossExposure, "maxGrossExposure");
        Objects.requireNonNull(reservationBuffer, "reservationBuffer");
        Objects.requireNonNull(rewardToRisk, "rewardToRisk");
        regimeFactors = Map.copyOf(regimeFactors == null ? Map.of() : regimeFactors);
        if (maxOpenPositions < 1 || maxOrdersPerMinute < 1) {
            throw new IllegalArgumentException("maxOpenPositions and maxOrdersPerMinute must be at least 1");
        }
    }

    public BigDecimal regimeFactor(String regime) {
        return regime == null ? BigDecimal.ONE : regimeFactors.getOrDefault(regime, BigDecimal.ONE);
    }
}
