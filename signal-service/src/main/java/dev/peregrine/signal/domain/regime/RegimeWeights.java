package dev.peregrine.signal.domain.regime;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * How much each analyst is trusted in each regime: the regime factor of an analyst's effective weight (the
 * registry's runtime weight, 0-1, is the other factor). {@link #defaults()}:
 * <pre>
 *   analyst          TRENDING_HIGH  TRENDING_LOW  RANGING_HIGH  RANGING_LOW  UNKNOWN
 *   momentum              1.3           1.2           0.6           0.5        1.0
 *   mean-reversion        0.3           0.3           1.0           1.3        1.0
 *   breakout              1.3           1.1           0.7           0.8        1.0
 *   order-flow            1.0           1.0           1.0           1.0        1.0
 *   chart-patterns        0.5           0.5           0.5           0.5        0.5
 * </pre>
 * Why: trend followers (momentum, breakout) earn their keep in trends and bleed in ranges, more so when a
 * trend is volatile; mean reversion is the range specialist, best when ranges are quiet, and weighs little in
 * trends (where it stays NEUTRAL anyway) so it does not dilute the consensus there; a breakout out of a quiet
 * range counts a bit more than one out of a choppy range; order flow has no regime preference we could
 * justify; chart patterns showed no edge on real data (~50 % precision), so they weigh half in every regime.
 *
 * <p>A regime with one part UNKNOWN (e.g. TRENDING while the volatility baseline is still warming up) uses the
 * mean of the two cells it could be; fully UNKNOWN uses the {@code unknown} column, neutral 1.0 by default
 * except for chart patterns, whose modest weight does not depend on the regime. An analyst missing from the
 * table weighs 1.0 ({@link #NEUTRAL}) in every regime, so a new strategy is neither silenced nor boosted.
 */
public record RegimeWeights(Map<String, AnalystWeights> byAnalyst) {

    public static final double NEUTRAL = 1.0;
    /** Guards against typos (13 for 1.3); a regime can make an analyst count a few times more, not more. */
    public static final double MAX_WEIGHT = 5.0;

    public RegimeWeights {
        Objects.requireNonNull(byAnalyst, "byAnalyst");
        byAnalyst.forEach((id, weights) -> {
            if (id == null || id.isBlank()) {
                throw new IllegalArgumentException("regime weights need an analyst id for every row");
            }
            Objects.requireNonNull(weights, () -> "regime weights of " + id);
        });
        byAnalyst = Map.copyOf(byAnalyst);
    }

    public static RegimeWeights defaults() {
        Map<String, AnalystWeights> table = new LinkedHashMap<>();
        table.put("momentum", new AnalystWeights(1.3, 1.2, 0.6, 0.5, 1.0));
        table.put("mean-reversion", new AnalystWeights(0.3, 0.3, 1.0, 1.3, 1.0));
        table.put("breakout", new AnalystWeights(1.3, 1.1, 0.7, 0.8, 1.0));
        table.put("order-flow", new AnalystWeights(1.0, 1.0, 1.0, 1.0, 1.0));
        table.put("chart-patterns", new AnalystWeights(0.5, 0.5, 0.5, 0.5, 0.5));
        return new RegimeWeights(table);
    }

    /** The regime weight of {@code analystId} in {@code regime}. */
    public double weight(String analystId, Regime regime) {
        Objects.requireNonNull(analystId, "analystId");
        Objects.requireNonNull(regime, "regime");
        AnalystWeights weights = byAnalyst.get(analystId);
        return weights == null ? NEUTRAL : weights.weight(regime);
    }

    public boolean knows(String analystId) {
        return byAnalyst.containsKey(analystId);
    }

    /** One analyst's row of the table; every weight within 0..{@value #MAX_WEIGHT}. */
    public record AnalystWeights(
            double trendingHigh, double trendingLow, double rangingHigh, double rangingLow, double unknown) {

        public AnalystWeights {
            check("trendingHigh", trendingHigh);
            check("trendingLow", trendingLow);
            check("rangingHigh", rangingHigh);
            check("rangingLow", rangingLow);
            check("unknown", unknown);
        }

        public double weight(Regime regime) {
            return switch (regime.trend()) {
                case TRENDING -> byVolatility(regime.volatility(), trendingHigh, trendingLow);
                case RANGING -> byVolatility(regime.volatility(), rangingHigh, rangingLow);
                case UNKNOWN ->
                    switch (regime.volatility()) {
                        case HIGH -> (trendingHigh + rangingHigh) / 2;
                        case LOW -> (trendingLow + rangingLow) / 2;
                        case UNKNOWN -> unknown;
                    };
            };
        }

        private static double byVolatility(Regime.Volatility volatility, double high, double low) {
            return switch (volatility) {
                case HIGH -> high;
                case LOW -> low;
                case UNKNOWN -> (high + low) / 2;
            };
        }

        private static void check(String name, double weight) {
            if (!(weight >= 0 && weight <= MAX_WEIGHT)) {
                throw new IllegalArgumentException(
                        "regime weight " + name + " must be within 0.." + MAX_WEIGHT + ": " + weight);
            }
        }
    }
}
