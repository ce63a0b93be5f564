package dev.peregrine.signal.domain.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.peregrine.signal.domain.bar.Bar;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The indicators whose definition is not ta4j's (seeding, sessions) or that ta4j lacks, against
 * straightforward non-incremental reference computations written from the definitions, at every bar after
 * warm-up, to 1e-9 (see {@link Agreement}). The exponential and Wilder averages are written as explicit
 * weighted sums (seed times {@code (1 - alpha)^age} plus every later value times {@code alpha (1 - alpha)^age})
 * rather than as the recursion the indicators use. Also checks that each value is absent exactly before its
 * warm-up bar.
 */
class ReferenceImplementationsTest {

    /** The O(n²) weighted sums keep the BTC part to its first 2,000 bars (three weeks, 20 UTC days). */
    private static final int BTC_BARS = 2_000;

    static Stream<Arguments> series() {
        List<Arguments> series = new ArrayList<>();
        series.add(Arguments.of("ETH 5m", RealBars.eth()));
        RealBars.btc(BTC_BARS).ifPresent(bars -> series.add(Arguments.of("BTCUSDT 15m", bars)));
        return series.stream();
    }

    private record Run(
            List<Bar> bars,
            double[] high,
            double[] low,
            double[] close,
            double[] volume,
            List<IndicatorValues> values) {

        static Run of(List<Bar> bars, IndicatorPeriods periods) {
            int n = bars.size();
            double[] high = new double[n];
            double[] low = new double[n];
            double[] close = new double[n];
            double[] volume = new double[n];
            IndicatorBank bank = new IndicatorBank(periods);
            List<IndicatorValues> values = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                Bar bar = bars.get(i);
                high[i] = bar.high().doubleValue();
                low[i] = bar.low().doubleValue();
                close[i] = bar.close().doubleValue();
                volume[i] = bar.volume().doubleValue();
                bank.update(bar);
                values.add(bank.snapshot());
            }
            return new Run(bars, high, low, close, volume, values);
        }

        int size() {
            return bars.size();
        }
    }

    private static final IndicatorPeriods PERIODS = IndicatorPeriods.defaults();

    /**
     * {@code avg} over {@code x}: the mean of the first {@code period} values at position {@code period - 1}, and
     * at {@code m >= period} the seed weighted {@code (1 - alpha)^(m - period + 1)} plus each {@code x[j]},
     * {@code period <= j <= m}, weighted {@code alpha (1 - alpha)^(m - j)}. NaN before position {@code period - 1}.
     */
    static double[] smoothed(double[] x, int period, double alpha) {
        double[] result = new double[x.length];
        Arrays.fill(result, Double.NaN);
        if (x.length < period) {
            return result;
        }
        double seed = 0;
        for (int j = 0; j < period; j++) {
            seed += x[j];
        }
        seed /= period;
        for (int m = period - 1; m < x.length; m++) {
            double value = Math.pow(1 - alpha, m - period + 1) * seed;
            for (int j = period; j <= m; j++) {
                value += alpha * Math.pow(1 - alpha, m - j) * x[j];
            }
            result[m] = value;
        }
        return result;
    }

    static double[] ema(double[] x, int period) {
        return smoothed(x, period, 2.0 / (period + 1));
    }

    static double[] wilder(double[] x, int period) {
        return smoothed(x, period, 1.0 / period);
    }

    /** {@code values} placed from bar {@code offset} on, NaN before. */
    static double[] shifted(double[] values, int offset, int length) {
        double[] result = new double[length];
        Arrays.fill(result, Double.NaN);
        System.arraycopy(values, 0, result, offset, values.length);
        return result;
    }

    /** Compares at every bar: a value where the reference has one (not NaN), none where it has none. */
    private static void compare(
            String name, Run run, Function<IndicatorValues, OptionalDouble> actual, double[] expected) {
        Agreement agreement = new Agreement(name);
        int warm = 0;
        for (int i = 0; i < run.size(); i++) {
            OptionalDouble value = actual.apply(run.values().get(i));
            if (Double.isNaN(expected[i])) {
                assertThat(value).as("%s has no value yet at bar %d", name, i).isEmpty();
                warm++;
            } else {
                agreement.check(i, value, expected[i]);
            }
        }
        agreement.assertAgrees(run.size() - warm);
        assertThat(warm).as("%s: bars before warm-up", name).isLessThan(run.size());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("series")
    void exponentialMovingAverages(String name, List<Bar> bars) {
        Run run = Run.of(bars, PERIODS);
        compare("EMA fast", run, IndicatorValues::emaFast, ema(run.close(), PERIODS.emaFast()));
        compare("EMA slow", run, IndicatorValues::emaSlow, ema(run.close(), PERIODS.emaSlow()));
        compare("EMA trend", run, IndicatorValues::emaTrend, ema(run.close(), PERIODS.emaTrend()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("series")
    void macdLineSignalAndHistogram(String name, List<Bar> bars) {
        Run run = Run.of(bars, PERIODS);
        int n = run.size();
        double[] fast = ema(run.close(), PERIODS.macdFast());
        double[] slow = ema(run.close(), PERIODS.macdSlow());
        int lineStart = PERIODS.macdSlow() - 1;
        double[] line = new double[n - lineStart];
        for (int i = lineStart; i < n; i++) {
            line[i - lineStart] = fast[i] - slow[i];
        }
        double[] signal = shifted(ema(line, PERIODS.macdSignal()), lineStart, n);
        double[] histogram = new double[n];
        for (int i = 0; i < n; i++) {
            histogram[i] = i < lineStart ? Double.NaN : line[i - lineStart] - signal[i];
        }
        compare("MACD line", run, v -> v.macd().line(), shifted(line, lineStart, n));
        compare("MACD signal", run, v -> v.macd().signal(), signal);
        compare("MACD histogram", run, v -> v.macd().histogram(), histogram);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("series")
    void wilderRsi(String name, List<Bar> bars) {
        Run run = Run.of(bars, PERIODS);
        int n = run.size();
        double[] gains = new double[n - 1];
        double[] losses = new double[n - 1];
        for (int i = 1; i < n; i++) {
            double change = run.close()[i] - run.close()[i - 1];
            gains[i - 1] = Math.max(change, 0);
            losses[i - 1] = Math.max(-change, 0);
        }
        double[] gain = shifted(wilder(gains, PERIODS.rsi()), 1, n);
        double[] loss = shifted(wilder(losses, PERIODS.rsi()), 1, n);
        double[] rsi = new double[n];
        for (int i = 0; i < n; i++) {
            rsi[i] = Double.isNaN(gain[i])
                    ? Double.NaN
                    : loss[i] == 0 ? (gain[i] == 0 ? 50 : 100) : 100 - 100 / (1 + gain[i] / loss[i]);
        }
        compare("RSI", run, IndicatorValues::rsi, rsi);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("series")
    void wilderAtr(String name, List<Bar> bars) {
        Run run = Run.of(bars, PERIODS);
        int n = run.size();
        double[] trueRange = new double[n];
        for (int i = 0; i < n; i++) {
            trueRange[i] = i == 0 ? run.high()[0] - run.low()[0] : trueRange(run, i);
        }
        compare("ATR", run, IndicatorValues::atr, wilder(trueRange, PERIODS.atr()));
    }

    private static double trueRange(Run run, int i) {
        double previousClose = run.close()[i - 1];
        return Math.max(
                run.high()[i] - run.low()[i],
                Math.max(Math.abs(run.high()[i] - previousClose), Math.abs(run.low()[i] - previousClose)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("series")
    void wilderAdxWithDirectionalIndexes(String name, List<Bar> bars) {
        Run run = Run.of(bars, PERIODS);
        int n = run.size();
        int period = PERIODS.adx();
        double[] plusDm = new double[n - 1];
        double[] minusDm = new double[n - 1];
        double[] trueRange = new double[n - 1];
        for (int i = 1; i < n; i++) {
            double up = run.high()[i] - run.high()[i - 1];
            double down = run.low()[i - 1] - run.low()[i];
            plusDm[i - 1] = up > down && up > 0 ? up : 0;
            minusDm[i - 1] = down > up && down > 0 ? down : 0;
            trueRange[i - 1] = trueRange(run, i);
        }
        double[] plus = shifted(wilder(plusDm, period), 1, n);
        double[] minus = shifted(wilder(minusDm, period), 1, n);
        double[] range = shifted(wilder(trueRange, period), 1, n);
        double[] plusDi = new double[n];
        double[] minusDi = new double[n];
        List<Double> dx = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (Double.isNaN(range[i])) {
                plusDi[i] = Double.NaN;
                minusDi[i] = Double.NaN;
                continue;
            }
            plusDi[i] = range[i] == 0 ? 0 : 100 * plus[i] / range[i];
            minusDi[i] = range[i] == 0 ? 0 : 100 * minus[i] / range[i];
            double sum = plusDi[i] + minusDi[i];
            dx.add(sum == 0 ? 0 : 100 * Math.abs(plusDi[i] - minusDi[i]) / sum);
        }
        double[] adx =
                shifted(wilder(dx.stream().mapToDouble(Double::doubleValue).toArray(), period), period, n);
        compare("+DI", run, v -> v.adx().plusDi(), plusDi);
        compare("-DI", run, v -> v.adx().minusDi(), minusDi);
        compare("ADX", run, v -> v.adx().adx(), adx);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("series")
    void volumeZScoreOverTheWindowIncludingTheCurrentBar(String name, List<Bar> bars) {
        Run run = Run.of(bars, PERIODS);
        int period = PERIODS.volumeZScore();
        double[] z = new double[run.size()];
        for (int i = 0; i < run.size(); i++) {
            if (i < period - 1) {
                z[i] = Double.NaN;
                continue;
            }
            double mean = 0;
            for (int j = i - period + 1; j <= i; j++) {
                mean += run.volume()[j];
            }
            mean /= period;
            double squares = 0;
            for (int j = i - period + 1; j <= i; j++) {
                squares += (run.volume()[j] - mean) * (run.volume()[j] - mean);
            }
            z[i] = (run.volume()[i] - mean) / Math.sqrt(squares / period);
        }
        compare("volume z-score", run, IndicatorValues::volumeZScore, z);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("series")
    void vwapSumsTheSessionSinceMidnightUtc(String name, List<Bar> bars) {
        Run run = Run.of(bars, PERIODS);
        double[] vwap = new double[run.size()];
        for (int i = 0; i < run.size(); i++) {
            LocalDate day = utcDate(run.bars().get(i).openTime());
            int first = i;
            while (first > 0 && utcDate(run.bars().get(first - 1).openTime()).equals(day)) {
                first--;
            }
            if (!utcTime(run.bars().get(first).openTime()).equals(LocalTime.MIDNIGHT)) {
                vwap[i] = Double.NaN;
                continue;
            }
            double priceVolume = 0;
            double volume = 0;
            for (int j = first; j <= i; j++) {
                priceVolume += (run.high()[j] + run.low()[j] + run.close()[j]) / 3 * run.volume()[j];
                volume += run.volume()[j];
            }
            vwap[i] = priceVolume / volume;
        }
        compare("session VWAP", run, IndicatorValues::vwap, vwap);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("series")
    void priorDayRangeOfCompletelySeenUtcDays(String name, List<Bar> bars) {
        Run run = Run.of(bars, PERIODS);
        record Day(double high, double low, Instant firstOpen, Instant lastClose) {}
        Map<LocalDate, Day> days = new LinkedHashMap<>();
        for (int i = 0; i < run.size(); i++) {
            Bar bar = run.bars().get(i);
            double high = run.high()[i];
            double low = run.low()[i];
            days.merge(
                    utcDate(bar.openTime()),
                    new Day(high, low, bar.openTime(), bar.closeTime()),
                    (a, b) -> new Day(
                            Math.max(a.high(), b.high()), Math.min(a.low(), b.low()), a.firstOpen(), b.lastClose()));
        }
        double[] high = new double[run.size()];
        double[] low = new double[run.size()];
        int known = 0;
        for (int i = 0; i < run.size(); i++) {
            LocalDate yesterday = utcDate(run.bars().get(i).openTime()).minusDays(1);
            Day day = days.get(yesterday);
            boolean complete = day != null
                    && day.firstOpen()
                            .equals(yesterday.atStartOfDay(ZoneOffset.UTC).toInstant())
                    && day.lastClose()
                            .equals(yesterday
                                    .plusDays(1)
                                    .atStartOfDay(ZoneOffset.UTC)
                                    .toInstant()
                                    .minusMillis(1));
            high[i] = complete ? day.high() : Double.NaN;
            low[i] = complete ? day.low() : Double.NaN;
            known += complete ? 1 : 0;
        }
        assertThat(known).as("bars with a known prior day").isPositive();
        compare("prior-day high", run, v -> v.priorDay().high(), high);
        compare("prior-day low", run, v -> v.priorDay().low(), low);
    }

    private static LocalDate utcDate(Instant instant) {
        return instant.atZone(ZoneOffset.UTC).toLocalDate();
    }

    private static LocalTime utcTime(Instant instant) {
        return instant.atZone(ZoneOffset.UTC).toLocalTime();
    }
}
