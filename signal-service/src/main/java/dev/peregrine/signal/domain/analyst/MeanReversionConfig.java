package dev.peregrine.signal.domain.analyst;

/**
 * Thresholds of the {@link MeanReversionAnalyst}.
 *
 * @param oversoldPercentB   Bollinger %B at or below which the close is stretched low (0 = on the lower band);
 *                           default 0.0
 * @param overboughtPercentB %B at or above which the close is stretched high (1 = on the upper band); default 1.0
 * @param oversoldRsi        RSI at or below which the market is oversold; default 30
 * @param overboughtRsi      RSI at or above which it is overbought; default 70
 * @param maxAdx             while the regime's trend is still UNKNOWN, the analyst speaks only when ADX is at or
 *                           below this (with a known regime it speaks only when RANGING); default 20
 * @param bandDepthFull      how far beyond the %B threshold (in %B units) the band sub-score reaches 1; default 0.2
 * @param rsiDepthFull       how far beyond the RSI threshold (RSI points) the RSI sub-score reaches 1; default 15
 */
public record MeanReversionConfig(
        double oversoldPercentB,
        double overboughtPercentB,
        double oversoldRsi,
        double overboughtRsi,
        double maxAdx,
        double bandDepthFull,
        double rsiDepthFull) {

    public MeanReversionConfig {
        if (!(Double.isFinite(oversoldPercentB)
                && Double.isFinite(overboughtPercentB)
                && oversoldPercentB < overboughtPercentB)) {
            throw new IllegalArgumentException("mean reversion needs oversoldPercentB < overboughtPercentB: "
                    + oversoldPercentB + ", " + overboughtPercentB);
        }
        if (!(oversoldRsi > 0 && oversoldRsi < overboughtRsi && overboughtRsi < 100)) {
            throw new IllegalArgumentException("mean reversion needs 0 < oversoldRsi < overboughtRsi < 100: "
                    + oversoldRsi + ", " + overboughtRsi);
        }
        if (!(maxAdx > 0 && maxAdx <= 100)) {
            throw new IllegalArgumentException("mean reversion maxAdx must be within (0, 100]: " + maxAdx);
        }
        if (!(bandDepthFull > 0 && Double.isFinite(bandDepthFull))) {
            throw new IllegalArgumentException("mean reversion bandDepthFull must be positive: " + bandDepthFull);
        }
        if (!(rsiDepthFull > 0 && rsiDepthFull <= 50)) {
            throw new IllegalArgumentException("mean reversion rsiDepthFull must be within (0, 50]: " + rsiDepthFull);
        }
    }

    public static MeanReversionConfig defaults() {
        return new MeanReversionConfig(0.0, 1.0, 30, 70, 20, 0.2, 15);
    }
}
