package dev.peregrine.common.event;

import com.fasterxml.jackson.annotation.JacksonInject;
import com.fasterxml.jackson.annotation.OptBoolean;
import dev.peregrine.common.value.Interval;
import dev.peregrine.common.value.Price;
import dev.peregrine.common.value.Side;
import dev.peregrine.common.value.Symbol;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A candidate signal and its validation.
 *
 * @param signalId             derived from strategy, symbol, interval and candle, so a replay yields the same id
 * @param candleCloseTime      close time of the candle the signal was computed on
 * @param strength             0-100
 * @param confidence           0-1
 * @param sizeMultiplier       0-1, suggested scaling of the position size
 * @param tradeable            false when the strategy is paused or the action is SKIP
 * @param referencePrice       the close the signal was computed on
 * @param stopPrice            where the signal is proven wrong; risk sizes on the distance to it
 * @param regime               the market regime the signal was judged in (e.g. {@code TRENDING_HIGH}: trend x
 *                             volatility); risk scales sizes by it. Null when the producer does not classify regimes.
 * @param mlProbability        0-1, the ML filter's probability that the signal's forward return after costs is
 *                             positive (docs/signal-validation.md, "ML filter"); null when no model was active (or
 *                             the producer predates the filter: an optional field, absent on older records)
 * @param modelVersion         the version of the model that gave {@code mlProbability}; null exactly when it is null
 * @param calibrationVersion   the version of the calibration that turned the raw score into {@code confidence}
 *                             (docs/signal-validation.md, "Calibrated confidence"); null when the confidence is the
 *                             uncalibrated strength / 100 (no calibration loaded, or a producer that predates it)
 */
public record SignalValidated(
        Envelope envelope,
        UUID signalId,
        String strategyId,
        Symbol symbol,
        Interval interval,
        Instant candleCloseTime,
        Side side,
        int strength,
        Grade grade,
        double confidence,
        double sizeMultiplier,
        RecommendedAction action,
        boolean tradeable,
        Price referencePrice,
        Price stopPrice,
        List<Reason> reasons,
        String regime,
        // Optional: a record written before the filter has neither field and decodes with both null.
        @JacksonInject(optional = OptBoolean.TRUE, useInput = OptBoolean.TRUE)
        Double mlProbability,

        @JacksonInject(optional = OptBoolean.TRUE, useInput = OptBoolean.TRUE)
        String modelVersion,

        // Optional as the ML fields: a record written before calibration decodes with null. Its own id: the default id
        // is the type, which modelVersion (also a String) already uses.
        @JacksonInject(value = "calibrationVersion", optional = OptBoolean.TRUE, useInput = OptBoolean.TRUE)
        String calibrationVersion)
        implements SignalEvent {

    /** A signal whose confidence is not calibrated (no calibration loaded, or a producer without one). */
    public SignalValidated(
            Envelope envelope,
            UUID signalId,
            String strategyId,
            Symbol symbol,
            Interval interval,
            Instant candleCloseTime,
            Side side,
            int strength,
            Grade grade,
            double confidence,
            double sizeMultiplier,
            RecommendedAction action,
            boolean tradeable,
            Price referencePrice,
            Price stopPrice,
            List<Reason> reasons,
            String regime,
            Double mlProbability,
            String modelVersion) {
        this(
                envelope,
                signalId,
                strategyId,
                symbol,
                interval,
                candleCloseTime,
                side,
                strength,
                grade,
                confidence,
                sizeMultiplier,
                action,
                tradeable,
                referencePrice,
                stopPrice,
                reasons,
                regime,
                mlProbability,
                modelVersion,
                null);
    }

    /** A signal without an ML probability (no model active, or a producer without the filter). */
    public SignalValidated(
            Envelope envelope,
            UUID signalId,
            String strategyId,
            Symbol symbol,
            Interval interval,
            Instant candleCloseTime,
            Side side,
            int strength,
            Grade grade,
            double confidence,
            double sizeMultiplier,
            RecommendedAction action,
            boolean tradeable,
            Price referencePrice,
            Price stopPrice,
            List<Reason> reasons,
            String regime) {
        this(
                envelope,
                signalId,
                strategyId,
                symbol,
                interval,
                candleCloseTime,
                side,
                strength,
                grade,
                confidence,
                sizeMultiplier,
                action,
                tradeable,
                referencePrice,
                stopPrice,
                reasons,
                regime,
                null,
                null,
                null);
    }

    public SignalValidated {
        Objects.requireNonNull(envelope, "envelope");
        Objects.requireNonNull(signalId, "signalId");
        Objects.requireNonNull(strategyId, "strategyId");
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(candleCloseTime, "candleCloseTime");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(grade, "grade");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(referencePrice, "referencePrice");
        Objects.requireNonNull(stopPrice, "stopPrice");
        reasons = List.copyOf(Objects.requireNonNull(reasons, "reasons"));
        if (strength < 0 || strength > 100) {
            throw new IllegalArgumentException("strength must be 0-100: " + strength);
        }
        Ranges.requireUnit("confidence", confidence);
        Ranges.requireUnit("sizeMultiplier", sizeMultiplier);
        if (mlProbability != null) {
            Ranges.requireUnit("mlProbability", mlProbability);
        }
        if ((mlProbability == null) != (modelVersion == null)) {
            throw new IllegalArgumentException(
                    "mlProbability and modelVersion come together: " + mlProbability + " from model " + modelVersion);
        }
        if (modelVersion != null && modelVersion.isBlank()) {
            throw new IllegalArgumentException("modelVersion must not be blank");
        }
        if (calibrationVersion != null && calibrationVersion.isBlank()) {
            throw new IllegalArgumentException("calibrationVersion must not be blank (null when uncalibrated)");
        }
    }

    @Override
    public String key() {
        return symbol.value();
    }
}
