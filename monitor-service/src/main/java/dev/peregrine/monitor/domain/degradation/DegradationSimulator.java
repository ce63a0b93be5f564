package dev.peregrine.monitor.domain.degradation;

import dev.peregrine.monitor.domain.quality.WilsonInterval;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Measures the rule's error rates by Monte Carlo, deterministically for a seed: run a zero-edge model to get the
 * false-pause rate, a losing model to get the time to pause. Used to calibrate {@link DegradationSettings#DEFAULTS}
 * (not the shared market data, which would tune the rule to one history).
 */
public final class DegradationSimulator {

    private static final Instant START = Instant.parse("2025-01-01T00:00:00Z");

    private final CusumDegradationRule rule;

    public DegradationSimulator(CusumDegradationRule rule) {
        this.rule = Objects.requireNonNull(rule, "rule");
    }

    public PauseEstimate simulate(ReturnModel model, SimulationSettings settings) {
        SplittableRandom random = new SplittableRandom(settings.seed());
        Duration spacing = Duration.ofDays(1).dividedBy(settings.tradesPerDay());
        double[] pausedAfterDays = new double[settings.runs()];
        int paused = 0;
        for (int run = 0; run < settings.runs(); run++) {
            CusumState state = CusumState.START;
            for (int trade = 1; trade <= settings.tradesPerRun(); trade++) {
                state = rule.observe(state, model.next(random), START.plus(spacing.multipliedBy(trade)));
                if (state.degraded()) {
                    pausedAfterDays[paused++] = (double) trade / settings.tradesPerDay();
                    break;
                }
            }
        }
        double[] days = Arrays.copyOf(pausedAfterDays, paused);
        Arrays.sort(days);
        return new PauseEstimate(
                model.describe(),
                settings,
                WilsonInterval.of(paused, settings.runs(), 0.95),
                quantile(days, 0.5),
                paused == 0 ? Double.NaN : Arrays.stream(days).average().orElseThrow(),
                quantile(days, 0.9));
    }

    /** Nearest-rank quantile of sorted values, NaN when empty. */
    private static double quantile(double[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(q * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }
}
