package dev.peregrine.backtest.research.walkforward;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Reserves the end of the data for the final report. The holdout is the last {@code holdoutFraction} of the range
 * (0.25 for issue 12; the cut is floored to a whole UTC hour); the fitting phase gets what lies before it minus the label horizon, so that not even a label
 * of a fitting-phase sample reads a holdout candle. Fitting code receives {@link #fitting()} only; the walk-forward
 * optimiser also refuses any window that touches the holdout.
 *
 * @param range           all the data
 * @param holdoutFraction share of the range, at its end, that no fitting step may see
 * @param labelHorizon    how far past a sample its outcome label reads
 */
public record HoldoutSplit(TimeWindow range, double holdoutFraction, Duration labelHorizon) {

    /** The share issue 12 reserves: the last quarter of the shared data. */
    public static final double ISSUE_12_HOLDOUT_FRACTION = 0.25;

    private static final long HOUR_MILLIS = Duration.ofHours(1).toMillis();

    public HoldoutSplit {
        Objects.requireNonNull(range, "range");
        Objects.requireNonNull(labelHorizon, "labelHorizon");
        if (!(holdoutFraction > 0.0 && holdoutFraction < 1.0)) {
            throw new IllegalArgumentException("holdoutFraction must be within (0, 1): " + holdoutFraction);
        }
        if (labelHorizon.isNegative()) {
            throw new IllegalArgumentException("labelHorizon must not be negative: " + labelHorizon);
        }
        Instant cut = cut(range, holdoutFraction);
        if (!range.from().plus(labelHorizon).isBefore(cut)) {
            throw new IllegalArgumentException("range " + range + " leaves nothing to fit on before the holdout");
        }
    }

    public static HoldoutSplit lastQuarter(TimeWindow range, Duration labelHorizon) {
        return new HoldoutSplit(range, ISSUE_12_HOLDOUT_FRACTION, labelHorizon);
    }

    /** Where fitting may look: candles and labels both end before {@link #holdoutStart()}. */
    public TimeWindow fitting() {
        return new TimeWindow(range.from(), holdoutStart().minus(labelHorizon));
    }

    /** The first instant of the holdout. */
    public Instant holdoutStart() {
        return cut(range, holdoutFraction);
    }

    /** The holdout itself: for the final report step only, never for a search, a fit or a model choice. */
    public TimeWindow holdoutForFinalReport() {
        return new TimeWindow(holdoutStart(), range.to());
    }

    /** Whether a span (labels included) reads any holdout candle. */
    public boolean touchesHoldout(TimeWindow span) {
        return span.to().isAfter(holdoutStart());
    }

    private static Instant cut(TimeWindow range, double holdoutFraction) {
        long millis = range.length().toMillis();
        long fitMillis = (long) Math.floor(millis * (1.0 - holdoutFraction));
        long cut = range.from().toEpochMilli() + fitMillis;
        // on a whole UTC hour, so no candle of 1m..1h straddles the cut
        return Instant.ofEpochMilli(Math.floorDiv(cut, HOUR_MILLIS) * HOUR_MILLIS);
    }
}
