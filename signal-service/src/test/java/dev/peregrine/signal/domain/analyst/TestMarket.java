package dev.peregrine.signal.domain.analyst;

import dev.peregrine.signal.domain.bar.Bar;
import dev.peregrine.signal.domain.indicator.IndicatorValues;
import dev.peregrine.signal.domain.pattern.Direction;
import dev.peregrine.signal.domain.pattern.KeyLevels;
import dev.peregrine.signal.domain.pattern.PatternLine;
import dev.peregrine.signal.domain.pattern.PatternMatch;
import dev.peregrine.signal.domain.pattern.PatternType;
import dev.peregrine.signal.domain.pattern.SwingPoint;
import dev.peregrine.signal.domain.pattern.SwingType;
import dev.peregrine.signal.domain.regime.Regime;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Hand-built indicator snapshots, bars and contexts for analyst and regime tests. {@link #warm()} starts from a
 * calm, fully warm market (close 100, EMAs flat at 100, RSI 50, MACD 0, %B 0.5, ADX 22 with equal DIs, ATR 2,
 * volume z 0, Donchian 95-105, prior day 97-103), on which no analyst has a trigger; a test sets only the values
 * its case is about. {@link #cold()} has nothing warm but the close.
 */
public final class TestMarket {

    public static final Instant T0 = Instant.parse("2024-03-01T00:00:00Z");
    public static final Duration HOUR = Duration.ofHours(1);

    private TestMarket() {}

    public static Indicators warm() {
        return new Indicators().allWarm();
    }

    public static Indicators cold() {
        return new Indicators();
    }

    /** A one-hour bar opening at {@code T0}; quote volume close * volume. */
    public static Bar bar(double open, double high, double low, double close, double volume, double takerBuyVolume) {
        return barAt(T0, open, high, low, close, volume, takerBuyVolume);
    }

    public static Bar barAt(
            Instant openTime,
            double open,
            double high,
            double low,
            double close,
            double volume,
            double takerBuyVolume) {
        return new Bar(
                openTime,
                openTime.plus(HOUR).minusMillis(1),
                decimal(open),
                decimal(high),
                decimal(low),
                decimal(close),
                decimal(volume),
                decimal(volume * close),
                decimal(takerBuyVolume),
                List.of());
    }

    /** A calm bar around the close: open = close, range close +- 1, volume 100, half of it taker buys. */
    public static Bar calmBar(double close) {
        return bar(close, close + 1, close - 1, close, 100, 50);
    }

    public static MarketContext context(Bar bar, IndicatorValues values) {
        return new MarketContext(bar, values, Regime.UNKNOWN, List.of(), SeriesFeatures.unknown(20));
    }

    public static MarketContext context(Bar bar, IndicatorValues values, Regime regime) {
        return new MarketContext(bar, values, regime, List.of(), SeriesFeatures.unknown(20));
    }

    public static MarketContext context(Bar bar, IndicatorValues values, SeriesFeatures features) {
        return new MarketContext(bar, values, Regime.UNKNOWN, List.of(), features);
    }

    public static MarketContext context(Bar bar, IndicatorValues values, List<PatternMatch> patterns) {
        return new MarketContext(bar, values, Regime.UNKNOWN, patterns, SeriesFeatures.unknown(20));
    }

    public static SeriesFeatures features(double closeChange, double obvChange, double volumeSum) {
        return new SeriesFeatures(
                20, OptionalDouble.of(closeChange), OptionalDouble.of(obvChange), OptionalDouble.of(volumeSum));
    }

    /** A confirmed pattern of the given type and direction; only confidence, direction and the levels matter here. */
    public static PatternMatch pattern(PatternType type, Direction direction, double confidence, double breakoutLevel) {
        SwingPoint swing = new SwingPoint(
                direction == Direction.BULLISH ? SwingType.LOW : SwingType.HIGH,
                10,
                T0.minus(HOUR.multipliedBy(20)),
                breakoutLevel,
                13);
        double height = 5;
        double target = direction == Direction.BULLISH ? breakoutLevel + height : breakoutLevel - height;
        return new PatternMatch(
                type,
                direction,
                confidence,
                new KeyLevels(PatternLine.horizontal(10, breakoutLevel), breakoutLevel, target, height),
                List.of(swing),
                type.label() + " confirmed in a test",
                30,
                T0);
    }

    public static List<String> names(Opinion opinion) {
        List<String> names = new ArrayList<>();
        opinion.arguments().forEach(a -> names.add(a.name()));
        return names;
    }

    private static BigDecimal decimal(double value) {
        return BigDecimal.valueOf(value);
    }

    private static OptionalDouble of(double value) {
        return OptionalDouble.of(value);
    }

    /** Mutable builder of an {@link IndicatorValues}; every setter makes that value warm. */
    public static final class Indicators {
        private static final OptionalDouble EMPTY = OptionalDouble.empty();

        private Instant openTime = T0;
        private long barCount = 1;
        private double close = 100;
        private OptionalDouble previousClose = EMPTY;
        private OptionalDouble emaFast = EMPTY;
        private OptionalDouble previousEmaFast = EMPTY;
        private OptionalDouble emaSlow = EMPTY;
        private OptionalDouble previousEmaSlow = EMPTY;
        private OptionalDouble emaTrend = EMPTY;
        private OptionalDouble sma = EMPTY;
        private OptionalDouble rsi = EMPTY;
        private OptionalDouble previousRsi = EMPTY;
        private OptionalDouble macdLine = EMPTY;
        private OptionalDouble macdSignal = EMPTY;
        private OptionalDouble histogram = EMPTY;
        private OptionalDouble previousHistogram = EMPTY;
        private OptionalDouble bollingerMiddle = EMPTY;
        private OptionalDouble bollingerUpper = EMPTY;
        private OptionalDouble bollingerLower = EMPTY;
        private OptionalDouble percentB = EMPTY;
        private OptionalDouble bandwidth = EMPTY;
        private OptionalDouble atr = EMPTY;
        private OptionalDouble adx = EMPTY;
        private OptionalDouble plusDi = EMPTY;
        private OptionalDouble minusDi = EMPTY;
        private OptionalDouble previousPlusDi = EMPTY;
        private OptionalDouble previousMinusDi = EMPTY;
        private OptionalDouble stochasticK = EMPTY;
        private OptionalDouble stochasticD = EMPTY;
        private OptionalDouble obv = EMPTY;
        private OptionalDouble vwap = EMPTY;
        private OptionalDouble donchianUpper = EMPTY;
        private OptionalDouble donchianLower = EMPTY;
        private OptionalDouble donchianMiddle = EMPTY;
        private OptionalDouble previousDonchianUpper = EMPTY;
        private OptionalDouble previousDonchianLower = EMPTY;
        private OptionalDouble volatility = EMPTY;
        private OptionalDouble volumeZScore = EMPTY;
        private OptionalDouble priorDayHigh = EMPTY;
        private OptionalDouble priorDayLow = EMPTY;

        private Indicators allWarm() {
            barCount = 300;
            previousClose = of(100);
            emaFast = of(100);
            previousEmaFast = of(100);
            emaSlow = of(100);
            previousEmaSlow = of(100);
            emaTrend = of(100);
            sma = of(100);
            rsi = of(50);
            previousRsi = of(50);
            macdLine = of(0);
            macdSignal = of(0);
            histogram = of(0);
            previousHistogram = of(0);
            bollingerMiddle = of(100);
            bollingerUpper = of(104);
            bollingerLower = of(96);
            percentB = of(0.5);
            bandwidth = of(0.08);
            atr = of(2);
            adx(22, 20, 20);
            stochasticK = of(50);
            stochasticD = of(50);
            obv = of(0);
            vwap = of(100);
            donchianUpper = of(105);
            donchianLower = of(95);
            donchianMiddle = of(100);
            previousDonchianUpper = of(105);
            previousDonchianLower = of(95);
            volatility = of(0.01);
            volumeZScore = of(0);
            priorDayHigh = of(103);
            priorDayLow = of(97);
            return this;
        }

        public Indicators openTime(Instant value) {
            openTime = value;
            return this;
        }

        public Indicators close(double value) {
            close = value;
            return this;
        }

        public Indicators previousClose(double value) {
            previousClose = of(value);
            return this;
        }

        public Indicators noPreviousClose() {
            previousClose = EMPTY;
            return this;
        }

        public Indicators emas(double previousFast, double previousSlow, double fast, double slow) {
            previousEmaFast = of(previousFast);
            previousEmaSlow = of(previousSlow);
            emaFast = of(fast);
            emaSlow = of(slow);
            return this;
        }

        public Indicators noEmas() {
            emaFast = EMPTY;
            previousEmaFast = EMPTY;
            emaSlow = EMPTY;
            previousEmaSlow = EMPTY;
            return this;
        }

        public Indicators emaTrend(double value) {
            emaTrend = of(value);
            return this;
        }

        public Indicators noEmaTrend() {
            emaTrend = EMPTY;
            return this;
        }

        public Indicators rsi(double previous, double now) {
            previousRsi = of(previous);
            rsi = of(now);
            return this;
        }

        public Indicators noRsi() {
            rsi = EMPTY;
            previousRsi = EMPTY;
            return this;
        }

        public Indicators histogram(double previous, double now) {
            previousHistogram = of(previous);
            histogram = of(now);
            return this;
        }

        public Indicators noMacd() {
            macdLine = EMPTY;
            macdSignal = EMPTY;
            histogram = EMPTY;
            previousHistogram = EMPTY;
            return this;
        }

        public Indicators percentB(double value) {
            percentB = of(value);
            return this;
        }

        public Indicators noBollinger() {
            bollingerMiddle = EMPTY;
            bollingerUpper = EMPTY;
            bollingerLower = EMPTY;
            percentB = EMPTY;
            bandwidth = EMPTY;
            return this;
        }

        public Indicators atr(double value) {
            atr = of(value);
            return this;
        }

        public Indicators adx(double value, double plus, double minus) {
            adx = of(value);
            plusDi = of(plus);
            minusDi = of(minus);
            previousPlusDi = of(plus);
            previousMinusDi = of(minus);
            return this;
        }

        public Indicators adxOnly(double value) {
            adx = of(value);
            return this;
        }

        public Indicators noAdx() {
            adx = EMPTY;
            return this;
        }

        public Indicators noAdxAtAll() {
            adx = EMPTY;
            plusDi = EMPTY;
            minusDi = EMPTY;
            previousPlusDi = EMPTY;
            previousMinusDi = EMPTY;
            return this;
        }

        public Indicators obv(double value) {
            obv = of(value);
            return this;
        }

        public Indicators previousDonchian(double upper, double lower) {
            previousDonchianUpper = of(upper);
            previousDonchianLower = of(lower);
            return this;
        }

        public Indicators noDonchian() {
            donchianUpper = EMPTY;
            donchianLower = EMPTY;
            donchianMiddle = EMPTY;
            previousDonchianUpper = EMPTY;
            previousDonchianLower = EMPTY;
            return this;
        }

        public Indicators volatility(double value) {
            volatility = of(value);
            return this;
        }

        public Indicators noVolatility() {
            volatility = EMPTY;
            return this;
        }

        public Indicators volumeZScore(double value) {
            volumeZScore = of(value);
            return this;
        }

        public Indicators noVolumeZScore() {
            volumeZScore = EMPTY;
            return this;
        }

        public Indicators priorDay(double high, double low) {
            priorDayHigh = of(high);
            priorDayLow = of(low);
            return this;
        }

        public Indicators noPriorDay() {
            priorDayHigh = EMPTY;
            priorDayLow = EMPTY;
            return this;
        }

        public IndicatorValues build() {
            return new IndicatorValues(
                    openTime,
                    openTime.plus(HOUR).minusMillis(1),
                    barCount,
                    close,
                    previousClose,
                    emaFast,
                    previousEmaFast,
                    emaSlow,
                    previousEmaSlow,
                    emaTrend,
                    sma,
                    rsi,
                    previousRsi,
                    new IndicatorValues.Macd(macdLine, macdSignal, histogram, previousHistogram),
                    new IndicatorValues.Bollinger(bollingerMiddle, bollingerUpper, bollingerLower, percentB, bandwidth),
                    atr,
                    new IndicatorValues.Adx(adx, plusDi, minusDi, previousPlusDi, previousMinusDi),
                    new IndicatorValues.Stochastic(stochasticK, stochasticD),
                    obv,
                    vwap,
                    new IndicatorValues.Donchian(
                            donchianUpper, donchianLower, donchianMiddle, previousDonchianUpper, previousDonchianLower),
                    volatility,
                    volumeZScore,
                    new IndicatorValues.PriorDay(priorDayHigh, priorDayLow));
        }
    }
}
