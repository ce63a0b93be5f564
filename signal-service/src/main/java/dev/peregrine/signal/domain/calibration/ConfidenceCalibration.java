package dev.peregrine.signal.domain.calibration;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A fitted map from the validation's raw score (strength / 100, 0-1) to the probability that the signal hits, as the
 * backtest's {@code ./backtest.sh calibrate --export} fits it on past outcomes (docs/signal-validation.md,
 * "Calibrated confidence"). A value: what it was fitted on travels with it, so a validation can name the version that
 * produced its confidence and an operator can tell which data and outcome it speaks for.
 *
 * @param version     names this fit; recorded on every validation it calibrates
 * @param method      isotonic (uses {@code steps}) or Platt (uses {@code platt})
 * @param steps       isotonic only: from {@code fromScore} on (until the next step) the probability is
 *                    {@code probability}; scores strictly rising, probabilities non-decreasing; empty for Platt
 * @param platt       Platt only: the coefficients; null for isotonic
 * @param fittedFrom  first signal time of the training window it was fitted on
 * @param fittedUntil end (exclusive) of that window: no outcome after it was used
 * @param outcome     what a hit is, in words (e.g. "return after round-trip costs above 0 after 8 bars")
 * @param horizonBars bars after the signal's candle at which the outcome is measured
 * @param signals     labelled signals it was fitted on
 */
public record ConfidenceCalibration(
        String version,
        CalibrationMethod method,
        List<Step> steps,
        Platt platt,
        Instant fittedFrom,
        Instant fittedUntil,
        String outcome,
        int horizonBars,
        int signals) {

    public ConfidenceCalibration {
        requireText(version, "version");
        Objects.requireNonNull(method, "method");
        steps = List.copyOf(Objects.requireNonNull(steps, "steps"));
        Objects.requireNonNull(fittedFrom, "fittedFrom");
        Objects.requireNonNull(fittedUntil, "fittedUntil");
        requireText(outcome, "outcome");
        if (!fittedFrom.isBefore(fittedUntil)) {
            throw new IllegalArgumentException(
                    "fittedFrom " + fittedFrom + " must be before fittedUntil " + fittedUntil);
        }
        if (horizonBars < 1) {
            throw new IllegalArgumentException("horizonBars must be at least 1: " + horizonBars);
        }
        if (signals < 1) {
            throw new IllegalArgumentException("signals (the training sample size) must be at least 1: " + signals);
        }
        switch (method) {
            case ISOTONIC -> requireSteps(steps, platt);
            case PLATT -> {
                if (platt == null || !steps.isEmpty()) {
                    throw new IllegalArgumentException("a Platt calibration has coefficients (platt) and no steps");
                }
            }
        }
    }

    /** The probability of a hit for this raw score (strength / 100). */
    public double probability(double rawScore) {
        return switch (method) {
            case ISOTONIC -> stepAt(rawScore).probability();
            case PLATT -> platt.probability(rawScore);
        };
    }

    /** A short description for the validation's reasons. */
    public String describe() {
        return "%s %s, fitted on %d signals %s..%s"
                .formatted(method.name().toLowerCase(java.util.Locale.ROOT), version, signals, fittedFrom, fittedUntil);
    }

    private Step stepAt(double score) {
        // Below the first step the first value, as the backtest's IsotonicCalibrator does.
        Step found = steps.getFirst();
        for (Step step : steps) {
            if (step.fromScore() > score) {
                break;
            }
            found = step;
        }
        return found;
    }

    private static void requireSteps(List<Step> steps, Platt platt) {
        if (steps.isEmpty() || platt != null) {
            throw new IllegalArgumentException(
                    "an isotonic calibration has at least one step and no Platt coefficients");
        }
        for (int i = 1; i < steps.size(); i++) {
            Step previous = steps.get(i - 1);
            Step step = steps.get(i);
            if (!(step.fromScore() > previous.fromScore())) {
                throw new IllegalArgumentException("isotonic steps must have strictly rising scores: "
                        + previous.fromScore() + " then " + step.fromScore());
            }
            if (step.probability() < previous.probability()) {
                throw new IllegalArgumentException("isotonic steps must have non-decreasing probabilities: "
                        + previous.probability() + " then " + step.probability());
            }
        }
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }

    /** From {@code fromScore} on the probability is {@code probability}. */
    public record Step(double fromScore, double probability) {

        public Step {
            if (!Double.isFinite(fromScore)) {
                throw new IllegalArgumentException("a step's fromScore must be finite: " + fromScore);
            }
            if (!(probability >= 0.0 && probability <= 1.0)) {
                throw new IllegalArgumentException("a step's probability must be within [0, 1]: " + probability);
            }
        }
    }

    /** {@code P(hit | s) = 1 / (1 + exp(a s + b))}: {@code a} negative when higher scores hit more often. */
    public record Platt(double a, double b) {

        public Platt {
            if (!Double.isFinite(a) || !Double.isFinite(b)) {
                throw new IllegalArgumentException("Platt coefficients must be finite: a " + a + ", b " + b);
            }
        }

        public double probability(double score) {
            double f = a * score + b;
            return f >= 0 ? Math.exp(-f) / (1.0 + Math.exp(-f)) : 1.0 / (1.0 + Math.exp(f));
        }
    }
}
