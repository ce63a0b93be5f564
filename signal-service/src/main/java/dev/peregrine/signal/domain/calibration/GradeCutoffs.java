package dev.peregrine.signal.domain.calibration;

import dev.peregrine.common.event.Grade;

/**
 * Grades defined on a calibrated probability of a hit: A at or above {@code a}, B at or above {@code b}, and so on,
 * F below {@code d}. Only used when a calibration is loaded; without one the grades stay bands on strength.
 *
 * <p>The defaults are a judgement, not a fit: C starts at 0.50 (a hit after costs is at least as likely as not),
 * each grade above or below it is 5 points apart. They were set before looking at out-of-sample results so that no
 * reported figure is tuned to them (docs/signal-validation.md, "Calibrated confidence").
 */
public record GradeCutoffs(double a, double b, double c, double d) {

    public static final GradeCutoffs DEFAULTS = new GradeCutoffs(0.60, 0.55, 0.50, 0.45);

    public GradeCutoffs {
        if (!(d > 0.0 && d < c && c < b && b < a && a <= 1.0)) {
            throw new IllegalArgumentException(
                    ("grade cut-offs are probabilities with 0 < d < c < b < a <= 1: " + "a %s, b %s, c %s, d %s")
                            .formatted(a, b, c, d));
        }
    }

    public Grade gradeOf(double probability) {
        if (probability >= a) {
            return Grade.A;
        }
        if (probability >= b) {
            return Grade.B;
        }
        if (probability >= c) {
            return Grade.C;
        }
        if (probability >= d) {
            return Grade.D;
        }
        return Grade.F;
    }
}
