package dev.peregrine.signal.domain.analyst;

/**
 * Thresholds of the {@link ChartPatternAnalyst}.
 *
 * @param minPatternConfidence confirmed patterns below this detector confidence are ignored; default 0.0 (all)
 * @param confidenceCap        the highest confidence the analyst ever states. The detector's confirmed patterns
 *                             moved their way about as often as not on real 1h data (~50 %, no measured edge),
 *                             so even a perfect pattern claims at most this; default 0.6
 */
public record ChartPatternConfig(double minPatternConfidence, double confidenceCap) {

    public ChartPatternConfig {
        if (!(minPatternConfidence >= 0 && minPatternConfidence <= 1)) {
            throw new IllegalArgumentException(
                    "chart patterns minPatternConfidence must be within 0..1: " + minPatternConfidence);
        }
        if (!(confidenceCap > 0 && confidenceCap <= 1)) {
            throw new IllegalArgumentException("chart patterns confidenceCap must be within (0, 1]: " + confidenceCap);
        }
    }

    public static ChartPatternConfig defaults() {
        return new ChartPatternConfig(0.0, 0.6);
    }
}
