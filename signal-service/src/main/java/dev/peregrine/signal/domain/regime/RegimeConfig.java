package dev.peregrine.signal.domain.regime;

/**
 * Thresholds of the {@link RegimeClassifier}.
 *
 * @param trendingAdx              ADX at or above which the market is TRENDING; default 25
 * @param rangingAdx               ADX at or below which it is RANGING; in between the previous trend state holds
 *                                 (hysteresis); default 20
 * @param volatilityBaselinePeriod bars of the long-run volatility baseline (EMA of the log volatility); the
 *                                 volatility part is UNKNOWN until that many volatility readings; default 200
 * @param highVolatilityRatio      volatility / baseline at or above which volatility is HIGH; default 1.15
 * @param lowVolatilityRatio       volatility / baseline at or below which it is LOW; in between the previous state
 *                                 holds; default 0.87 (about 1 / 1.15, so the band is symmetric in log terms)
 */
public record RegimeConfig(
        double trendingAdx,
        double rangingAdx,
        int volatilityBaselinePeriod,
        double highVolatilityRatio,
        double lowVolatilityRatio) {

    public RegimeConfig {
        if (!(rangingAdx > 0 && rangingAdx <= trendingAdx && trendingAdx < 100)) {
            throw new IllegalArgumentException("regime needs 0 < rangingAdx <= trendingAdx < 100: rangingAdx "
                    + rangingAdx + ", trendingAdx " + trendingAdx);
        }
        if (volatilityBaselinePeriod < 2) {
            throw new IllegalArgumentException(
                    "regime volatilityBaselinePeriod must be at least 2 bars: " + volatilityBaselinePeriod);
        }
        if (!(lowVolatilityRatio > 0
                && lowVolatilityRatio <= highVolatilityRatio
                && Double.isFinite(highVolatilityRatio))) {
            throw new IllegalArgumentException("regime needs 0 < lowVolatilityRatio <= highVolatilityRatio: "
                    + lowVolatilityRatio + ", " + highVolatilityRatio);
        }
    }

    public static RegimeConfig defaults() {
        return new RegimeConfig(25, 20, 200, 1.15, 0.87);
    }
}
