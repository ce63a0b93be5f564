package dev.peregrine.signal.domain.regime;

import dev.peregrine.signal.domain.indicator.IndicatorValues;
import java.time.Instant;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * Classifies one series' regime after each applied bar, in O(1) and without allocating. Stateful only for
 * hysteresis and the volatility baseline: one instance per (symbol, interval), fed in order.
 *
 * <h2>Trend (from ADX)</h2>
 * {@code ADX >= trendingAdx} (25) is TRENDING, {@code ADX <= rangingAdx} (20) RANGING; in between the previous
 * state holds, so an ADX wobbling around 22 does not flip the regime on every bar. The first reading that falls
 * in between (no previous state) is decided by the band's midpoint. UNKNOWN until ADX is warm.
 *
 * <h2>Volatility (rolling volatility against its own long-run level)</h2>
 * The volatility is the bank's standard deviation of per-bar log returns. Its baseline is the exponential
 * average of {@code ln(volatility)} over {@code volatilityBaselinePeriod} bars ({@code alpha = 2 / (period + 1)},
 * seeded with the first reading), i.e. a geometric mean: volatility is close to log-normal, and the geometric
 * mean of a log-normal variable is its median, so this is a median-like long-run level in O(1) that a few
 * spikes do not drag up the way an arithmetic mean would. With {@code ratio = volatility / exp(baseline)}
 * (baseline before this bar): {@code ratio >= highVolatilityRatio} is HIGH, {@code <= lowVolatilityRatio} LOW,
 * in between the previous state holds (first reading: the band's midpoint decides). UNKNOWN until the baseline
 * has {@code volatilityBaselinePeriod} readings. A volatility of 0 (no price change at all) is floored at
 * {@value #VOLATILITY_FLOOR} so its logarithm stays finite.
 *
 * <p>A bar whose open time is not after the last classified one returns the current regime unchanged.
 */
public final class RegimeClassifier {

    static final double VOLATILITY_FLOOR = 1e-12;

    private static final Regime[][] REGIMES =
            new Regime[Regime.Trend.values().length][Regime.Volatility.values().length];

    static {
        for (Regime.Trend trend : Regime.Trend.values()) {
            for (Regime.Volatility volatility : Regime.Volatility.values()) {
                REGIMES[trend.ordinal()][volatility.ordinal()] =
                        trend == Regime.Trend.UNKNOWN && volatility == Regime.Volatility.UNKNOWN
                                ? Regime.UNKNOWN
                                : new Regime(trend, volatility);
            }
        }
    }

    private final RegimeConfig config;
    private final double alpha;
    private Regime.Trend trend = Regime.Trend.UNKNOWN;
    private Regime.Volatility volatility = Regime.Volatility.UNKNOWN;
    private long baselineReadings;
    private double logBaseline;
    private double lastRatio = Double.NaN;
    private Instant lastOpenTime;

    public RegimeClassifier(RegimeConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        this.alpha = 2.0 / (config.volatilityBaselinePeriod() + 1);
    }

    public static RegimeClassifier withDefaults() {
        return new RegimeClassifier(RegimeConfig.defaults());
    }

    /** Classifies the bar these indicator values are after. */
    public Regime update(IndicatorValues values) {
        Objects.requireNonNull(values, "values");
        if (lastOpenTime != null && !values.openTime().isAfter(lastOpenTime)) {
            return current();
        }
        lastOpenTime = values.openTime();
        OptionalDouble adx = values.adx().adx();
        if (adx.isPresent()) {
            trend = classifyTrend(adx.getAsDouble());
        }
        OptionalDouble barVolatility = values.volatility();
        if (barVolatility.isPresent()) {
            volatility = classifyVolatility(barVolatility.getAsDouble());
        }
        return current();
    }

    private Regime.Trend classifyTrend(double adx) {
        if (adx >= config.trendingAdx()) {
            return Regime.Trend.TRENDING;
        }
        if (adx <= config.rangingAdx()) {
            return Regime.Trend.RANGING;
        }
        if (trend != Regime.Trend.UNKNOWN) {
            return trend;
        }
        return adx >= (config.trendingAdx() + config.rangingAdx()) / 2 ? Regime.Trend.TRENDING : Regime.Trend.RANGING;
    }

    private Regime.Volatility classifyVolatility(double value) {
        double logValue = Math.log(Math.max(value, VOLATILITY_FLOOR));
        Regime.Volatility state = volatility;
        if (baselineReadings >= config.volatilityBaselinePeriod()) {
            double ratio = Math.exp(logValue - logBaseline);
            lastRatio = ratio;
            if (ratio >= config.highVolatilityRatio()) {
                state = Regime.Volatility.HIGH;
            } else if (ratio <= config.lowVolatilityRatio()) {
                state = Regime.Volatility.LOW;
            } else if (state == Regime.Volatility.UNKNOWN) {
                state = ratio >= (config.highVolatilityRatio() + config.lowVolatilityRatio()) / 2
                        ? Regime.Volatility.HIGH
                        : Regime.Volatility.LOW;
            }
        }
        logBaseline = baselineReadings == 0 ? logValue : logBaseline + alpha * (logValue - logBaseline);
        baselineReadings++;
        return state;
    }

    /** The regime after the last classified bar. */
    public Regime current() {
        return REGIMES[trend.ordinal()][volatility.ordinal()];
    }

    /**
     * The last bar's volatility divided by its long-run level (1 = typical), once the baseline is warm: the
     * figure behind the HIGH/LOW split, for rules that damp size in extreme volatility.
     */
    public OptionalDouble volatilityRatio() {
        return Double.isNaN(lastRatio) ? OptionalDouble.empty() : OptionalDouble.of(lastRatio);
    }

    public RegimeConfig config() {
        return config;
    }
}
