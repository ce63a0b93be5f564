package dev.peregrine.signal.domain.pattern;

/**
 * Tolerances of the pattern recognisers. Shape tolerances are fractions of the pattern's own height, so the
 * same settings work for a 0.5 USDT coin and a 100,000 USDT one and on any bar interval.
 *
 * @param doublePeakTolerance     double top/bottom: the two peaks (troughs) may differ by at most this
 *                                fraction of the height (mean peak to neckline); default 0.15
 * @param shoulderTolerance       head and shoulders: the shoulders may differ by at most this fraction of the
 *                                height (head to neckline); default 0.25
 * @param minHeadExcess           head and shoulders: the head must stand above the higher shoulder by at least
 *                                this fraction of the height, else it is a triple top; default 0.15
 * @param necklineTolerance       head and shoulders: the two troughs may differ by at most this fraction of
 *                                the height, which bounds the neckline's slope; default 0.5
 * @param triangleFlatTolerance   triangles: a boundary is flat when it moves by at most this fraction of the
 *                                triangle's opening width over the formation, rising/falling beyond it;
 *                                default 0.15
 * @param triangleFitTolerance    triangles: every swing must lie within this fraction of the opening width
 *                                of its fitted boundary; default 0.10
 * @param triangleMinConvergence  triangles: the width at the last swing must be at least this fraction
 *                                narrower than the opening width; default 0.30
 * @param triangleMaxApexProgress triangles: the breakout must come at most this far along the way from the
 *                                first swing to the apex (where the boundaries meet); breakouts close to the
 *                                apex say little. Default 0.75, the classic "two thirds to three quarters"
 * @param triangleMinSwings       triangles: fewest swings in a formation (5 = three touches of one boundary
 *                                and two of the other); default 5, at least 4
 * @param triangleMaxSwings       triangles: most swings in a formation, the longest valid one wins; default 6
 * @param volumePeriod            bars in the volume average the breakout bar's volume is compared with;
 *                                default 20
 */
public record PatternConfig(
        double doublePeakTolerance,
        double shoulderTolerance,
        double minHeadExcess,
        double necklineTolerance,
        double triangleFlatTolerance,
        double triangleFitTolerance,
        double triangleMinConvergence,
        double triangleMaxApexProgress,
        int triangleMinSwings,
        int triangleMaxSwings,
        int volumePeriod) {

    /** Weight of the shape score in a match's confidence; the breakout volume score has the rest. */
    public static final double SHAPE_WEIGHT = 0.7;

    public static final double VOLUME_WEIGHT = 1.0 - SHAPE_WEIGHT;

    public PatternConfig {
        positive("doublePeakTolerance", doublePeakTolerance);
        positive("shoulderTolerance", shoulderTolerance);
        positive("minHeadExcess", minHeadExcess);
        positive("necklineTolerance", necklineTolerance);
        positive("triangleFlatTolerance", triangleFlatTolerance);
        positive("triangleFitTolerance", triangleFitTolerance);
        if (!(triangleMinConvergence > 0 && triangleMinConvergence < 1)) {
            throw new IllegalArgumentException(
                    "triangleMinConvergence must be within (0, 1): " + triangleMinConvergence);
        }
        if (!(triangleMaxApexProgress > 0 && triangleMaxApexProgress <= 1)) {
            throw new IllegalArgumentException(
                    "triangleMaxApexProgress must be within (0, 1]: " + triangleMaxApexProgress);
        }
        if (triangleMinSwings < 4) {
            throw new IllegalArgumentException(
                    "a triangle needs at least 4 swings (two highs and two lows): " + triangleMinSwings);
        }
        if (triangleMaxSwings < triangleMinSwings) {
            throw new IllegalArgumentException(
                    "triangleMaxSwings " + triangleMaxSwings + " is below triangleMinSwings " + triangleMinSwings);
        }
        if (volumePeriod < 1) {
            throw new IllegalArgumentException("volumePeriod must be at least 1 bar: " + volumePeriod);
        }
    }

    public static PatternConfig defaults() {
        return new PatternConfig(0.15, 0.25, 0.15, 0.5, 0.15, 0.10, 0.30, 0.75, 5, 6, 20);
    }

    public PatternConfig withTriangleSwings(int min, int max) {
        return new PatternConfig(
                doublePeakTolerance,
                shoulderTolerance,
                minHeadExcess,
                necklineTolerance,
                triangleFlatTolerance,
                triangleFitTolerance,
                triangleMinConvergence,
                triangleMaxApexProgress,
                min,
                max,
                volumePeriod);
    }

    /** The most swings any recogniser looks at. */
    public int swingsNeeded() {
        return Math.max(5, triangleMaxSwings);
    }

    /** {@code SHAPE_WEIGHT * shape + VOLUME_WEIGHT * volume}, both scores clamped to [0, 1]. */
    static double confidence(double shapeScore, double volumeScore) {
        return SHAPE_WEIGHT * clamp01(shapeScore) + VOLUME_WEIGHT * clamp01(volumeScore);
    }

    static double clamp01(double value) {
        return Double.isNaN(value) ? 0.0 : Math.max(0.0, Math.min(1.0, value));
    }

    private static void positive(String name, double value) {
        if (!(value > 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be a positive number: " + value);
        }
    }
}
