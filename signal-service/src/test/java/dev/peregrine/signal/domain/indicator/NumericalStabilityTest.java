package dev.peregrine.signal.domain.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.peregrine.signal.domain.bar.Bar;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Rolling windows and running sums over long series: after 250,000 updates the incremental values must still
 * agree with an exact computation over the current window to better than 1e-9 relative, i.e. rounding
 * must not accumulate. The series is a seeded random walk, so every run sees the same numbers.
 */
class NumericalStabilityTest {

    private static final int UPDATES = 250_000;
    private static final double DRIFT = 1e-9;

    /** A BTC-like random walk around 30,000 with 0.2 % steps. */
    private static double[] prices() {
        SplittableRandom random = new SplittableRandom(20250303);
        double[] prices = new double[UPDATES];
        double price = 30_000;
        for (int i = 0; i < UPDATES; i++) {
            price *= 1 + 0.002 * (random.nextDouble() - 0.5) * 2;
            prices[i] = Math.round(price * 100) / 100.0;
        }
        return prices;
    }

    private static BigDecimal[] exactMeanAndVariance(double[] values, int end, int window) {
        MathContext mc = MathContext.DECIMAL128;
        BigDecimal sum = BigDecimal.ZERO;
        for (int j = end - window + 1; j <= end; j++) {
            sum = sum.add(new BigDecimal(values[j]));
        }
        BigDecimal mean = sum.divide(BigDecimal.valueOf(window), mc);
        BigDecimal squares = BigDecimal.ZERO;
        for (int j = end - window + 1; j <= end; j++) {
            BigDecimal d = new BigDecimal(values[j]).subtract(mean);
            squares = squares.add(d.multiply(d));
        }
        return new BigDecimal[] {mean, squares.divide(BigDecimal.valueOf(window), mc)};
    }

    private static double relative(double actual, BigDecimal exact) {
        return Math.abs(actual - exact.doubleValue()) / Math.abs(exact.doubleValue());
    }

    @Test
    void rollingMeanAndVarianceDoNotDriftOverAQuarterMillionUpdates() {
        double[] prices = prices();
        for (int window : new int[] {20, 200}) {
            RollingStats stats = new RollingStats(window);
            double worstMean = 0;
            double worstVariance = 0;
            int checks = 0;
            for (int i = 0; i < UPDATES; i++) {
                stats.add(prices[i]);
                // Checkpoints at every phase of the ring buffer, including just before it wraps and recomputes.
                if (i >= window && (i % 9_973 == 0 || i == UPDATES - 1 || i % 50_000 == window - 2)) {
                    BigDecimal[] exact = exactMeanAndVariance(prices, i, window);
                    worstMean = Math.max(worstMean, relative(stats.mean(), exact[0]));
                    worstVariance = Math.max(worstVariance, relative(stats.variance(), exact[1]));
                    checks++;
                }
            }
            assertThat(checks).isGreaterThan(25);
            assertThat(worstMean)
                    .as("worst relative mean drift, window %d", window)
                    .isLessThan(DRIFT);
            assertThat(worstVariance)
                    .as("worst relative variance drift, window %d", window)
                    .isLessThan(DRIFT);
        }
    }

    @Test
    void volatilityOfTinyLogReturnsDoesNotDrift() {
        double[] prices = prices();
        RollingVolatility volatility = new RollingVolatility(20);
        double[] returns = new double[UPDATES];
        for (int i = 0; i < UPDATES; i++) {
            volatility.update(prices[i]);
            returns[i] = i == 0 ? 0 : Math.log(prices[i] / prices[i - 1]);
        }
        BigDecimal[] exact = exactMeanAndVariance(returns, UPDATES - 1, 20);
        double expected = Math.sqrt(exact[1].doubleValue());
        assertThat(Math.abs(volatility.value() - expected) / expected).isLessThan(DRIFT);
    }

    @Test
    void onBalanceVolumeStaysWithinRoundingOfTheExactSum() {
        double[] prices = prices();
        SplittableRandom random = new SplittableRandom(42);
        Obv obv = new Obv();
        BigDecimal exact = BigDecimal.ZERO;
        for (int i = 0; i < UPDATES; i++) {
            double volume = Math.round(random.nextDouble() * 5_000_000) / 1000.0;
            obv.update(prices[i], volume);
            if (i > 0 && prices[i] != prices[i - 1]) {
                BigDecimal v = new BigDecimal(volume);
                exact = prices[i] > prices[i - 1] ? exact.add(v) : exact.subtract(v);
            }
        }
        assertThat(Math.abs(obv.value() - exact.doubleValue()))
                .isLessThan(DRIFT * Math.max(1, Math.abs(exact.doubleValue())));
    }

    @Test
    void emaAndWilderAveragesStayOnTheirDefinitionOverAQuarterMillionUpdates() {
        double[] prices = prices();
        Ema ema = new Ema(50);
        WilderAverage wilder = new WilderAverage(14);
        for (int i = 0; i < UPDATES; i++) {
            ema.update(prices[i]);
            wilder.update(prices[i]);
        }
        // With alpha = 2/51 the weights beyond 2,000 values back are below 1e-30: a finite weighted sum is exact
        // enough.
        assertThat(relativeToWeightedSum(ema.value(), prices, 2.0 / 51)).isLessThan(DRIFT);
        assertThat(relativeToWeightedSum(wilder.value(), prices, 1.0 / 14)).isLessThan(DRIFT);
    }

    @Test
    void theBanksRollingValuesAreExactAfterAQuarterMillionBars() {
        double[] prices = prices();
        double[] volumes = new double[UPDATES];
        SplittableRandom random = new SplittableRandom(99);
        IndicatorBank bank = IndicatorBank.withDefaults();
        Instant open = Instant.parse("2017-01-01T00:00:00Z");
        Duration minute = Duration.ofMinutes(1);
        for (int i = 0; i < UPDATES; i++) {
            volumes[i] = Math.round((1 + random.nextDouble() * 40) * 1000) / 1000.0;
            double previous = i == 0 ? prices[0] : prices[i - 1];
            BigDecimal close = BigDecimal.valueOf(prices[i]);
            Bar bar = new Bar(
                    open,
                    open.plus(minute).minusMillis(1),
                    BigDecimal.valueOf(previous),
                    BigDecimal.valueOf(Math.max(previous, prices[i]) + 1),
                    BigDecimal.valueOf(Math.min(previous, prices[i]) - 1),
                    close,
                    BigDecimal.valueOf(volumes[i]),
                    BigDecimal.ZERO,
                    BigDecimal.ZERO,
                    List.of());
            bank.update(bar);
            open = open.plus(minute);
        }
        IndicatorValues values = bank.snapshot();
        IndicatorPeriods periods = bank.periods();
        int last = UPDATES - 1;

        BigDecimal[] sma = exactMeanAndVariance(prices, last, periods.sma());
        assertThat(relative(values.sma().getAsDouble(), sma[0])).isLessThan(DRIFT);
        BigDecimal[] bands = exactMeanAndVariance(prices, last, periods.bollinger());
        double upper = bands[0].doubleValue() + periods.bollingerK() * Math.sqrt(bands[1].doubleValue());
        assertThat(Math.abs(values.bollinger().upper().getAsDouble() - upper) / upper)
                .isLessThan(DRIFT);
        double width = values.bollinger().upper().getAsDouble()
                - values.bollinger().lower().getAsDouble();
        double exactWidth = 2 * periods.bollingerK() * Math.sqrt(bands[1].doubleValue());
        assertThat(Math.abs(width - exactWidth) / exactWidth)
                .as("band width, where cancellation would show")
                .isLessThan(DRIFT);
        BigDecimal[] volume = exactMeanAndVariance(volumes, last, periods.volumeZScore());
        double z = (volumes[last] - volume[0].doubleValue()) / Math.sqrt(volume[1].doubleValue());
        assertThat(Math.abs(values.volumeZScore().getAsDouble() - z)).isLessThan(DRIFT * Math.max(1, Math.abs(z)));
        double[] returns = new double[UPDATES];
        for (int i = 1; i < UPDATES; i++) {
            returns[i] = Math.log(prices[i] / prices[i - 1]);
        }
        double volatility = Math.sqrt(exactMeanAndVariance(returns, last, periods.volatility())[1].doubleValue());
        assertThat(Math.abs(values.volatility().getAsDouble() - volatility) / volatility)
                .isLessThan(DRIFT);
    }

    private static double relativeToWeightedSum(double actual, double[] values, double alpha) {
        double sum = 0;
        double weight = alpha;
        for (int j = values.length - 1; j >= values.length - 2_000; j--) {
            sum += weight * values[j];
            weight *= 1 - alpha;
        }
        return Math.abs(actual - sum) / sum;
    }
}
