package dev.peregrine.signal.domain.indicator;

/**
 * The periods (in bars) an {@link IndicatorBank} computes its indicators with. {@link #defaults()}:
 * <pre>
 *   EMA fast 9, slow 21 (the crossover pair), trend 50     SMA 200
 *   RSI 14 (Wilder)           MACD 12 / 26 / signal 9       Bollinger 20, k = 2.0
 *   ATR 14 (Wilder)           ADX 14 (+DI/-DI 14)           Stochastic %K 14, %D 3
 *   Donchian 20               volatility 20 log returns     volume z-score 20
 * </pre>
 * VWAP (UTC-day session), OBV and the prior day's range have no period.
 */
public record IndicatorPeriods(
        int emaFast,
        int emaSlow,
        int emaTrend,
        int sma,
        int rsi,
        int macdFast,
        int macdSlow,
        int macdSignal,
        int bollinger,
        double bollingerK,
        int atr,
        int adx,
        int stochasticK,
        int stochasticD,
        int donchian,
        int volatility,
        int volumeZScore) {

    public IndicatorPeriods {
        requireAtLeast("emaFast", emaFast, 1);
        requireAtLeast("emaSlow", emaSlow, 1);
        requireAtLeast("emaTrend", emaTrend, 1);
        requireAtLeast("sma", sma, 1);
        requireAtLeast("rsi", rsi, 1);
        requireAtLeast("macdFast", macdFast, 1);
        requireAtLeast("macdSlow", macdSlow, 1);
        requireAtLeast("macdSignal", macdSignal, 1);
        requireAtLeast("bollinger", bollinger, 2);
        requireAtLeast("atr", atr, 1);
        requireAtLeast("adx", adx, 1);
        requireAtLeast("stochasticK", stochasticK, 1);
        requireAtLeast("stochasticD", stochasticD, 1);
        requireAtLeast("donchian", donchian, 1);
        requireAtLeast("volatility", volatility, 2);
        requireAtLeast("volumeZScore", volumeZScore, 2);
        if (emaFast >= emaSlow) {
            throw new IllegalArgumentException("emaFast " + emaFast + " must be shorter than emaSlow " + emaSlow);
        }
        if (macdFast >= macdSlow) {
            throw new IllegalArgumentException("macdFast " + macdFast + " must be shorter than macdSlow " + macdSlow);
        }
        if (!(bollingerK > 0 && Double.isFinite(bollingerK))) {
            throw new IllegalArgumentException("bollingerK must be a positive number: " + bollingerK);
        }
    }

    public static IndicatorPeriods defaults() {
        return new IndicatorPeriods(9, 21, 50, 200, 14, 12, 26, 9, 20, 2.0, 14, 14, 14, 3, 20, 20, 20);
    }

    /** These periods with another fast/slow EMA pair and ATR period, as a crossover strategy configures them. */
    public IndicatorPeriods withCrossover(int fast, int slow, int atrPeriod) {
        return new IndicatorPeriods(
                fast,
                slow,
                emaTrend,
                sma,
                rsi,
                macdFast,
                macdSlow,
                macdSignal,
                bollinger,
                bollingerK,
                atrPeriod,
                adx,
                stochasticK,
                stochasticD,
                donchian,
                volatility,
                volumeZScore);
    }

    private static void requireAtLeast(String name, int value, int minimum) {
        if (value < minimum) {
            throw new IllegalArgumentException(name + " period must be at least " + minimum + ": " + value);
        }
    }
}
