package dev.peregrine.signal.domain.pattern;

/**
 * How swing points are found and filtered.
 *
 * @param window          bars that must lie on each side of a swing bar ({@code k}); default 3. A swing is
 *                        confirmed {@code window} bars after its own bar.
 * @param minSizeAtr      smallest accepted move from the previous opposite swing, in ATRs; default 1.0;
 *                        0 switches the ATR filter off
 * @param minSizePercent  smallest accepted move from the previous opposite swing, in percent of that swing's
 *                        price (1.0 = 1 %); default 0 (off). When both filters are on the larger bound applies.
 * @param atrPeriod       period of the Wilder ATR used by {@code minSizeAtr}; default 14
 * @param maxSwings       how many of the most recent swings are kept for the recognisers; default 12
 */
public record SwingConfig(int window, double minSizeAtr, double minSizePercent, int atrPeriod, int maxSwings) {

    public static final int DEFAULT_WINDOW = 3;
    public static final double DEFAULT_MIN_SIZE_ATR = 1.0;
    public static final double DEFAULT_MIN_SIZE_PERCENT = 0.0;
    public static final int DEFAULT_ATR_PERIOD = 14;
    public static final int DEFAULT_MAX_SWINGS = 12;

    public SwingConfig {
        if (window < 1) {
            throw new IllegalArgumentException("swing window must be at least 1 bar on each side: " + window);
        }
        if (!(minSizeAtr >= 0) || !Double.isFinite(minSizeAtr)) {
            throw new IllegalArgumentException(
                    "minimum swing size in ATRs must be a finite number >= 0: " + minSizeAtr);
        }
        if (!(minSizePercent >= 0) || !Double.isFinite(minSizePercent)) {
            throw new IllegalArgumentException(
                    "minimum swing size in percent must be a finite number >= 0: " + minSizePercent);
        }
        if (atrPeriod < 1) {
            throw new IllegalArgumentException("ATR period must be at least 1: " + atrPeriod);
        }
        if (maxSwings < 3) {
            throw new IllegalArgumentException("at least 3 swings must be kept to recognise any pattern: " + maxSwings);
        }
    }

    public static SwingConfig defaults() {
        return new SwingConfig(
                DEFAULT_WINDOW, DEFAULT_MIN_SIZE_ATR, DEFAULT_MIN_SIZE_PERCENT, DEFAULT_ATR_PERIOD, DEFAULT_MAX_SWINGS);
    }

    public SwingConfig withWindow(int newWindow) {
        return new SwingConfig(newWindow, minSizeAtr, minSizePercent, atrPeriod, maxSwings);
    }

    public SwingConfig withMinSize(double newMinSizeAtr, double newMinSizePercent) {
        return new SwingConfig(window, newMinSizeAtr, newMinSizePercent, atrPeriod, maxSwings);
    }
}
