package dev.peregrine.signal.domain.analyst;

/** The arithmetic every analyst builds its sub-scores with; each result is within 0..1. */
final class Scores {

    private Scores() {}

    static double clamp01(double x) {
        return x <= 0 ? 0 : x >= 1 ? 1 : x;
    }

    /**
     * Linear ramp: 0 at {@code zeroAt}, 1 at {@code oneAt}, clamped outside. {@code oneAt < zeroAt} gives a
     * falling ramp, so "the lower the better" reads the same way as "the higher the better".
     */
    static double ramp(double x, double zeroAt, double oneAt) {
        return clamp01((x - zeroAt) / (oneAt - zeroAt));
    }

    /** 1 when the condition holds, else 0: for the yes/no sub-scores. */
    static double indicator(boolean condition) {
        return condition ? 1.0 : 0.0;
    }

    /** +1 for BULLISH, -1 for BEARISH: multiplies a signed measure so "in the stance's direction" is "> 0". */
    static int sign(Stance stance) {
        return switch (stance) {
            case BULLISH -> 1;
            case BEARISH -> -1;
            case NEUTRAL -> throw new IllegalArgumentException("a NEUTRAL stance has no direction");
        };
    }

    /**
     * Confidences are rounded to 1e-9 so that sums of weighted sub-scores come out as the documented decimals
     * (0.85, not 0.8500000000000001) and stay inside 0..1.
     */
    static double confidence(double raw) {
        return clamp01(Math.round(raw * 1e9) / 1e9);
    }
}
