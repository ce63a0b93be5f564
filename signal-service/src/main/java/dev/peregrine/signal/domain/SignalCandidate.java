package dev.peregrine.signal.domain;

import dev.peregrine.signal.domain.analyst.Opinion;
import dev.peregrine.signal.domain.consensus.ConsensusResult;
import dev.peregrine.signal.domain.consensus.Verdict;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * One analyst's directional opinion on a candle, with everything its validation looks at. There is one
 * candidate per analyst with a BULLISH or BEARISH opinion, paused or not.
 *
 * @param opinion         the analyst's opinion; BULLISH is a BUY candidate, BEARISH a SELL
 * @param regimeWeight    the analyst's weight in the current regime (not the registry's runtime weight), &gt;= 0
 * @param paused          whether the analyst is paused in the registry
 * @param referencePrice  the candle's close exactly as received
 * @param atr             the ATR on that candle, in price units; empty while warming up (no stop then)
 * @param qualityFlags    the candle's data-quality flags
 * @param volatilityRatio the candle's volatility over its normal level ({@code RegimeClassifier.volatilityRatio()}:
 *                        rolling volatility / its long-run baseline; 1 = normal), empty when not known yet
 * @param consensus       the panel's consensus on this candle
 * @param verdict         the arbiter's verdict on this candle
 */
public record SignalCandidate(
        Opinion opinion,
        double regimeWeight,
        boolean paused,
        BigDecimal referencePrice,
        OptionalDouble atr,
        List<String> qualityFlags,
        OptionalDouble volatilityRatio,
        ConsensusResult consensus,
        Verdict verdict) {

    public SignalCandidate {
        Objects.requireNonNull(opinion, "opinion");
        Objects.requireNonNull(referencePrice, "referencePrice");
        Objects.requireNonNull(atr, "atr");
        qualityFlags = List.copyOf(Objects.requireNonNull(qualityFlags, "qualityFlags"));
        Objects.requireNonNull(volatilityRatio, "volatilityRatio");
        Objects.requireNonNull(consensus, "consensus");
        Objects.requireNonNull(verdict, "verdict");
        if (!opinion.directional()) {
            throw new IllegalArgumentException(
                    "a NEUTRAL opinion of " + opinion.analystId() + " is no signal candidate");
        }
        if (!(regimeWeight >= 0.0) || !Double.isFinite(regimeWeight)) {
            throw new IllegalArgumentException("regime weight must be finite and >= 0: " + regimeWeight);
        }
        if (referencePrice.signum() <= 0) {
            throw new IllegalArgumentException("reference price must be positive: " + referencePrice.toPlainString());
        }
        if (volatilityRatio.isPresent()
                && !(volatilityRatio.getAsDouble() >= 0.0 && Double.isFinite(volatilityRatio.getAsDouble()))) {
            throw new IllegalArgumentException(
                    "volatility ratio must be finite and >= 0: " + volatilityRatio.getAsDouble());
        }
    }
}
