package dev.peregrine.signal.domain.indicator;

import java.time.Instant;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * Every indicator of an {@link IndicatorBank} after one bar, immutable. A value is an {@link OptionalDouble}
 * that is empty until its indicator is warm, so a cold value cannot be read by accident (never NaN, never a
 * placeholder 0). "Previous" values are the same indicator one applied bar earlier, empty when it was not
 * warm then. Prices are in the quote currency, as {@code double}.
 *
 * @param openTime        open time of the bar these values are after
 * @param closeTime       close time of that bar
 * @param barCount        number of bars the bank applied so far, this one included
 * @param close           close of that bar
 * @param previousClose   close of the bar before
 * @param emaFast         EMA({@link IndicatorPeriods#emaFast()}) of the closes
 * @param previousEmaFast the fast EMA one bar earlier
 * @param emaSlow         EMA({@link IndicatorPeriods#emaSlow()})
 * @param previousEmaSlow the slow EMA one bar earlier
 * @param emaTrend        EMA({@link IndicatorPeriods#emaTrend()})
 * @param sma             SMA({@link IndicatorPeriods#sma()})
 * @param rsi             Wilder RSI, 0..100
 * @param previousRsi     the RSI one bar earlier
 * @param atr             Wilder ATR, in price units
 * @param obv             on-balance volume since the bank's first bar
 * @param vwap            VWAP of the current UTC-day session
 * @param volatility      standard deviation of per-bar log returns (a fraction, not annualised)
 * @param volumeZScore    (volume - mean) / sd of the volumes over the window
 */
public record IndicatorValues(
        Instant openTime,
        Instant closeTime,
        long barCount,
        double close,
        OptionalDouble previousClose,
        OptionalDouble emaFast,
        OptionalDouble previousEmaFast,
        OptionalDouble emaSlow,
        OptionalDouble previousEmaSlow,
        OptionalDouble emaTrend,
        OptionalDouble sma,
        OptionalDouble rsi,
        OptionalDouble previousRsi,
        Macd macd,
        Bollinger bollinger,
        OptionalDouble atr,
        Adx adx,
        Stochastic stochastic,
        OptionalDouble obv,
        OptionalDouble vwap,
        Donchian donchian,
        OptionalDouble volatility,
        OptionalDouble volumeZScore,
        PriorDay priorDay) {

    public IndicatorValues {
        Objects.requireNonNull(openTime, "openTime");
        Objects.requireNonNull(closeTime, "closeTime");
        Objects.requireNonNull(previousClose, "previousClose");
        Objects.requireNonNull(emaFast, "emaFast");
        Objects.requireNonNull(previousEmaFast, "previousEmaFast");
        Objects.requireNonNull(emaSlow, "emaSlow");
        Objects.requireNonNull(previousEmaSlow, "previousEmaSlow");
        Objects.requireNonNull(emaTrend, "emaTrend");
        Objects.requireNonNull(sma, "sma");
        Objects.requireNonNull(rsi, "rsi");
        Objects.requireNonNull(previousRsi, "previousRsi");
        Objects.requireNonNull(macd, "macd");
        Objects.requireNonNull(bollinger, "bollinger");
        Objects.requireNonNull(atr, "atr");
        Objects.requireNonNull(adx, "adx");
        Objects.requireNonNull(stochastic, "stochastic");
        Objects.requireNonNull(obv, "obv");
        Objects.requireNonNull(vwap, "vwap");
        Objects.requireNonNull(donchian, "donchian");
        Objects.requireNonNull(volatility, "volatility");
        Objects.requireNonNull(volumeZScore, "volumeZScore");
        Objects.requireNonNull(priorDay, "priorDay");
    }

    /**
     * @param line              EMA(fast) - EMA(slow)
     * @param signal            EMA(signal) of the line
     * @param histogram         line - signal
     * @param previousHistogram the histogram one bar earlier
     */
    public record Macd(
            OptionalDouble line, OptionalDouble signal, OptionalDouble histogram, OptionalDouble previousHistogram) {}

    /**
     * @param percentB  (close - lower) / (upper - lower): 0 at the lower band, 1 at the upper
     * @param bandwidth (upper - lower) / middle, a fraction (ta4j's is in percent)
     */
    public record Bollinger(
            OptionalDouble middle,
            OptionalDouble upper,
            OptionalDouble lower,
            OptionalDouble percentB,
            OptionalDouble bandwidth) {}

    /** Wilder's ADX and directional indexes (0..100), with the DIs of one bar earlier for crossings. */
    public record Adx(
            OptionalDouble adx,
            OptionalDouble plusDi,
            OptionalDouble minusDi,
            OptionalDouble previousPlusDi,
            OptionalDouble previousMinusDi) {}

    /** %K and %D, 0..100. */
    public record Stochastic(OptionalDouble k, OptionalDouble d) {}

    /**
     * @param upper         highest high of the last N bars, this one included
     * @param lower         lowest low of the last N bars, this one included
     * @param middle        (upper + lower) / 2
     * @param previousUpper highest high of the N bars before this one: a close above it is a breakout
     * @param previousLower lowest low of the N bars before this one
     */
    public record Donchian(
            OptionalDouble upper,
            OptionalDouble lower,
            OptionalDouble middle,
            OptionalDouble previousUpper,
            OptionalDouble previousLower) {}

    /** High and low of the UTC day before this bar's day, when the bank saw all of that day. */
    public record PriorDay(OptionalDouble high, OptionalDouble low) {}
}
