package dev.peregrine.monitor.domain.degradation;

import dev.peregrine.monitor.domain.quality.MeasuredOutcome;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * Decides that a strategy has degraded: a one-sided (lower) CUSUM of its net returns, standardised by its own
 * running standard deviation s_n, against the minimum expectancy μ₀:
 * <pre>S_n = max(0, S_{n−1} + (μ₀ − x_n)/s_n − k)</pre>
 * Nothing is decided before the minimum sample m; at the m-th outcome the first m returns are run through the
 * recursion with s_m, so the warm-up's losses count. Degraded when S_n ≥ h; a degraded strategy recovers only
 * when S_n ≤ the recovery threshold (hysteresis). CUSUM is the optimal sequential detector of a shift in the mean
 * (Lorden/Moustakides), and being a recursion it runs over outcome by outcome with constant memory.
 */
public final class CusumDegradationRule {

    private static final double MINIMUM_DEVIATION = 1e-12;

    private final DegradationSettings settings;

    public CusumDegradationRule(DegradationSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    public DegradationSettings settings() {
        return settings;
    }

    /** The state after one more outcome. */
    public CusumState observe(CusumState state, double netReturn, Instant time) {
        int n = state.count() + 1;
        double delta = netReturn - state.mean();
        double mean = state.mean() + delta / n;
        double sumSquares = state.sumSquares() + delta * (netReturn - mean);
        Instant first = state.firstTime() == null ? time : state.firstTime();
        if (n < settings.minimumSample()) {
            List<Double> warmup = new ArrayList<>(state.warmup());
            warmup.add(netReturn);
            return new CusumState(n, mean, sumSquares, 0, false, CusumState.Transition.NONE, warmup, first, time);
        }
        double deviation = Math.max(MINIMUM_DEVIATION, Math.sqrt(sumSquares / (n - 1)));
        double statistic = state.statistic();
        for (double x : state.warmup()) {
            statistic = step(statistic, x, deviation);
        }
        statistic = step(statistic, netReturn, deviation);
        boolean degraded =
                state.degraded() ? statistic > settings.recoveryThreshold() : statistic >= settings.decisionThreshold();
        CusumState.Transition transition = degraded == state.degraded()
                ? CusumState.Transition.NONE
                : degraded ? CusumState.Transition.DEGRADED : CusumState.Transition.RECOVERED;
        return new CusumState(n, mean, sumSquares, statistic, degraded, transition, List.of(), first, time);
    }

    /** The state after a strategy's outcomes, oldest first (e.g. after a restart). */
    public CusumState replay(Collection<MeasuredOutcome> outcomesInTimeOrder) {
        CusumState state = CusumState.START;
        for (MeasuredOutcome outcome : outcomesInTimeOrder) {
            state = observe(state, outcome.netReturn(), outcome.time());
        }
        return state;
    }

    /** The verdict and its evidence for a state; pure. */
    public DegradationDecision assess(String strategy, CusumState state) {
        DegradationDecision.Status status = state.count() < settings.minimumSample()
                ? DegradationDecision.Status.INSUFFICIENT_SAMPLE
                : state.degraded() ? DegradationDecision.Status.DEGRADED : DegradationDecision.Status.HEALTHY;
        DegradationEvidence evidence = new DegradationEvidence(
                DegradationEvidence.TEST_NAME,
                state.statistic(),
                settings.decisionThreshold(),
                settings.recoveryThreshold(),
                settings.minimumExpectancy(),
                settings.allowance(),
                state.count(),
                settings.minimumSample(),
                state.count() == 0 ? Double.NaN : state.mean(),
                state.standardDeviation(),
                state.firstTime(),
                state.lastTime());
        return new DegradationDecision(strategy, status, state.transition(), evidence);
    }

    private double step(double statistic, double netReturn, double deviation) {
        return Math.max(0, statistic + (settings.minimumExpectancy() - netReturn) / deviation - settings.allowance());
    }
}
