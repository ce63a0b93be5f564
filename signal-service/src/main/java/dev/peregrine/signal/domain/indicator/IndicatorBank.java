package dev.peregrine.signal.domain.indicator;

import dev.peregrine.signal.domain.bar.Bar;
import java.time.Instant;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * One set of indicators for one (symbol, interval) series, moved by each closed bar in O(1) (amortised for
 * the rolling windows) and without allocating: prices are converted from {@link java.math.BigDecimal} once
 * per bar and every indicator keeps primitive state. {@link #snapshot()} then reads them all into an
 * immutable {@link IndicatorValues}.
 *
 * <p>A bar whose open time is not after the last applied one is ignored and reported as
 * {@link BarUpdate#DUPLICATE} or {@link BarUpdate#OUT_OF_ORDER}, so a redelivered or late candle never moves
 * the indicators twice. A bar that no indicator can take (high below low, a non-positive price, a negative
 * volume) is refused with {@link IllegalArgumentException} before anything moves. Not thread-safe: one
 * instance per series, fed in order.
 */
public final class IndicatorBank {

    private final IndicatorPeriods periods;
    private final Ema emaFast;
    private final Ema emaSlow;
    private final Ema emaTrend;
    private final Sma sma;
    private final Rsi rsi;
    private final Macd macd;
    private final BollingerBands bollinger;
    private final Atr atr;
    private final Adx adx;
    private final Stochastic stochastic;
    private final Obv obv = new Obv();
    private final SessionVwap vwap = new SessionVwap();
    private final DonchianChannel donchian;
    private final RollingVolatility volatility;
    private final VolumeZScore volumeZScore;
    private final PriorDayRange priorDay = new PriorDayRange();

    private Instant lastOpenTime;
    private Instant lastCloseTime;
    private long barCount;
    private double close;

    private boolean hasPreviousClose;
    private double previousClose;
    private boolean hasPreviousEmaFast;
    private double previousEmaFast;
    private boolean hasPreviousEmaSlow;
    private double previousEmaSlow;
    private boolean hasPreviousRsi;
    private double previousRsi;
    private boolean hasPreviousHistogram;
    private double previousHistogram;
    private boolean hasPreviousDi;
    private double previousPlusDi;
    private double previousMinusDi;

    public IndicatorBank(IndicatorPeriods periods) {
        this.periods = Objects.requireNonNull(periods, "periods");
        this.emaFast = new Ema(periods.emaFast());
        this.emaSlow = new Ema(periods.emaSlow());
        this.emaTrend = new Ema(periods.emaTrend());
        this.sma = new Sma(periods.sma());
        this.rsi = new Rsi(periods.rsi());
        this.macd = new Macd(periods.macdFast(), periods.macdSlow(), periods.macdSignal());
        this.bollinger = new BollingerBands(periods.bollinger(), periods.bollingerK());
        this.atr = new Atr(periods.atr());
        this.adx = new Adx(periods.adx());
        this.stochastic = new Stochastic(periods.stochasticK(), periods.stochasticD());
        this.donchian = new DonchianChannel(periods.donchian());
        this.volatility = new RollingVolatility(periods.volatility());
        this.volumeZScore = new VolumeZScore(periods.volumeZScore());
    }

    public static IndicatorBank withDefaults() {
        return new IndicatorBank(IndicatorPeriods.defaults());
    }

    public BarUpdate update(Bar bar) {
        Objects.requireNonNull(bar, "bar");
        Instant openTime = bar.openTime();
        if (lastOpenTime != null && !openTime.isAfter(lastOpenTime)) {
            return openTime.equals(lastOpenTime) ? BarUpdate.DUPLICATE : BarUpdate.OUT_OF_ORDER;
        }
        double high = bar.high().doubleValue();
        double low = bar.low().doubleValue();
        double barClose = bar.close().doubleValue();
        double volume = bar.volume().doubleValue();
        validate(high, low, barClose, volume);

        rememberPreviousValues();
        emaFast.update(barClose);
        emaSlow.update(barClose);
        emaTrend.update(barClose);
        sma.update(barClose);
        rsi.update(barClose);
        macd.update(barClose);
        bollinger.update(barClose);
        atr.update(high, low, barClose);
        adx.update(high, low, barClose);
        stochastic.update(high, low, barClose);
        obv.update(barClose, volume);
        vwap.update(openTime, high, low, barClose, volume);
        donchian.update(high, low);
        volatility.update(barClose);
        volumeZScore.update(volume);
        priorDay.update(openTime, bar.closeTime(), high, low);

        lastOpenTime = openTime;
        lastCloseTime = bar.closeTime();
        close = barClose;
        barCount++;
        return BarUpdate.APPLIED;
    }

    private static void validate(double high, double low, double close, double volume) {
        if (!(Double.isFinite(high) && Double.isFinite(low) && Double.isFinite(close) && Double.isFinite(volume))) {
            throw new IllegalArgumentException("bar prices and volume must be finite numbers");
        }
        if (high < low) {
            throw new IllegalArgumentException("high " + high + " is below low " + low);
        }
        if (!(low > 0 && close > 0)) {
            throw new IllegalArgumentException("bar prices must be positive: low " + low + ", close " + close);
        }
        if (volume < 0) {
            throw new IllegalArgumentException("volume must not be negative: " + volume);
        }
    }

    private void rememberPreviousValues() {
        hasPreviousClose = barCount > 0;
        previousClose = close;
        hasPreviousEmaFast = emaFast.isWarm();
        previousEmaFast = hasPreviousEmaFast ? emaFast.value() : 0;
        hasPreviousEmaSlow = emaSlow.isWarm();
        previousEmaSlow = hasPreviousEmaSlow ? emaSlow.value() : 0;
        hasPreviousRsi = rsi.isWarm();
        previousRsi = hasPreviousRsi ? rsi.value() : 0;
        hasPreviousHistogram = macd.isWarm();
        previousHistogram = hasPreviousHistogram ? macd.histogram() : 0;
        hasPreviousDi = adx.isDiWarm();
        previousPlusDi = hasPreviousDi ? adx.plusDi() : 0;
        previousMinusDi = hasPreviousDi ? adx.minusDi() : 0;
    }

    /** Every indicator after the last applied bar. */
    public IndicatorValues snapshot() {
        if (lastOpenTime == null) {
            throw new IllegalStateException("no bar has been applied yet");
        }
        return new IndicatorValues(
                lastOpenTime,
                lastCloseTime,
                barCount,
                close,
                optional(hasPreviousClose, previousClose),
                emaFast.isWarm() ? OptionalDouble.of(emaFast.value()) : OptionalDouble.empty(),
                optional(hasPreviousEmaFast, previousEmaFast),
                emaSlow.isWarm() ? OptionalDouble.of(emaSlow.value()) : OptionalDouble.empty(),
                optional(hasPreviousEmaSlow, previousEmaSlow),
                emaTrend.isWarm() ? OptionalDouble.of(emaTrend.value()) : OptionalDouble.empty(),
                sma.isWarm() ? OptionalDouble.of(sma.value()) : OptionalDouble.empty(),
                rsi.isWarm() ? OptionalDouble.of(rsi.value()) : OptionalDouble.empty(),
                optional(hasPreviousRsi, previousRsi),
                macdValues(),
                bollingerValues(),
                atr.isWarm() ? OptionalDouble.of(atr.value()) : OptionalDouble.empty(),
                adxValues(),
                new IndicatorValues.Stochastic(
                        stochastic.isKWarm() ? OptionalDouble.of(stochastic.k()) : OptionalDouble.empty(),
                        stochastic.isDWarm() ? OptionalDouble.of(stochastic.d()) : OptionalDouble.empty()),
                obv.isWarm() ? OptionalDouble.of(obv.value()) : OptionalDouble.empty(),
                vwap.isWarm() ? OptionalDouble.of(vwap.value()) : OptionalDouble.empty(),
                donchianValues(),
                volatility.isWarm() ? OptionalDouble.of(volatility.value()) : OptionalDouble.empty(),
                volumeZScore.isWarm() ? OptionalDouble.of(volumeZScore.value()) : OptionalDouble.empty(),
                priorDay.isWarm()
                        ? new IndicatorValues.PriorDay(
                                OptionalDouble.of(priorDay.high()), OptionalDouble.of(priorDay.low()))
                        : new IndicatorValues.PriorDay(OptionalDouble.empty(), OptionalDouble.empty()));
    }

    private IndicatorValues.Macd macdValues() {
        OptionalDouble line = macd.isLineWarm() ? OptionalDouble.of(macd.line()) : OptionalDouble.empty();
        OptionalDouble previous = optional(hasPreviousHistogram, previousHistogram);
        if (!macd.isWarm()) {
            return new IndicatorValues.Macd(line, OptionalDouble.empty(), OptionalDouble.empty(), previous);
        }
        return new IndicatorValues.Macd(
                line, OptionalDouble.of(macd.signal()), OptionalDouble.of(macd.histogram()), previous);
    }

    private IndicatorValues.Bollinger bollingerValues() {
        if (!bollinger.isWarm()) {
            OptionalDouble empty = OptionalDouble.empty();
            return new IndicatorValues.Bollinger(empty, empty, empty, empty, empty);
        }
        return new IndicatorValues.Bollinger(
                OptionalDouble.of(bollinger.middle()),
                OptionalDouble.of(bollinger.upper()),
                OptionalDouble.of(bollinger.lower()),
                OptionalDouble.of(bollinger.percentB()),
                OptionalDouble.of(bollinger.bandwidth()));
    }

    private IndicatorValues.Adx adxValues() {
        OptionalDouble value = adx.isWarm() ? OptionalDouble.of(adx.value()) : OptionalDouble.empty();
        OptionalDouble plus = adx.isDiWarm() ? OptionalDouble.of(adx.plusDi()) : OptionalDouble.empty();
        OptionalDouble minus = adx.isDiWarm() ? OptionalDouble.of(adx.minusDi()) : OptionalDouble.empty();
        return new IndicatorValues.Adx(
                value, plus, minus, optional(hasPreviousDi, previousPlusDi), optional(hasPreviousDi, previousMinusDi));
    }

    private IndicatorValues.Donchian donchianValues() {
        OptionalDouble empty = OptionalDouble.empty();
        boolean warm = donchian.isWarm();
        boolean previousWarm = donchian.isPreviousWarm();
        return new IndicatorValues.Donchian(
                warm ? OptionalDouble.of(donchian.upper()) : empty,
                warm ? OptionalDouble.of(donchian.lower()) : empty,
                warm ? OptionalDouble.of(donchian.middle()) : empty,
                previousWarm ? OptionalDouble.of(donchian.previousUpper()) : empty,
                previousWarm ? OptionalDouble.of(donchian.previousLower()) : empty);
    }

    private static OptionalDouble optional(boolean present, double value) {
        return present ? OptionalDouble.of(value) : OptionalDouble.empty();
    }

    /** Open time of the last applied bar, or null before the first. */
    public Instant lastOpenTime() {
        return lastOpenTime;
    }

    public IndicatorPeriods periods() {
        return periods;
    }
}
