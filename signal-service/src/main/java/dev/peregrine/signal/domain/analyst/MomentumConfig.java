package dev.peregrine.signal.domain.analyst;

/**
 * Thresholds of the {@link MomentumAnalyst}.
 *
 * @param adxWeak           ADX below which the trend is too weak to follow: the ADX sub-score is 0 and a
 *                          {@code *_WEAK_TREND} argument speaks against the stance; default 20
 * @param adxStrong         ADX at which the ADX sub-score reaches 1; default 40
 * @param continuationScore trigger sub-score of a MACD histogram zero cross in the direction the EMAs already
 *                          point (a continuation), against 1.0 for a fresh EMA cross; default 0.5
 */
public record MomentumConfig(double adxWeak, double adxStrong, double continuationScore) {

    public MomentumConfig {
        if (!(adxWeak >= 0 && adxWeak < adxStrong && adxStrong <= 100)) {
            throw new IllegalArgumentException(
                    "momentum needs 0 <= adxWeak < adxStrong <= 100: adxWeak " + adxWeak + ", adxStrong " + adxStrong);
        }
        if (!(continuationScore >= 0 && continuationScore <= 1)) {
            throw new IllegalArgumentException("momentum continuationScore must be within 0..1: " + continuationScore);
        }
    }

    public static MomentumConfig defaults() {
        return new MomentumConfig(20, 40, 0.5);
    }
}
