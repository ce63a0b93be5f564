package dev.peregrine.monitor.domain.degradation;

import java.time.Instant;
import java.util.List;

/**
 * Where the CUSUM rule stands for one strategy after the outcomes seen so far; immutable, so the caller may keep,
 * store or discard it. Rebuild it after a restart by {@link CusumDegradationRule#replay}.
 *
 * @param count       outcomes seen
 * @param mean        running mean of the net returns
 * @param sumSquares  running Σ(x − mean)² (Welford), for the standard deviation
 * @param statistic   the CUSUM S_n, in standard deviations, ≥ 0; 0 until the minimum sample is reached
 * @param degraded    the verdict after hysteresis
 * @param transition  what the latest outcome changed
 * @param warmup      the returns held until the minimum sample is reached, then empty
 * @param firstTime   time of the first outcome, null before any
 * @param lastTime    time of the latest outcome, null before any
 */
public record CusumState(
        int count,
        double mean,
        double sumSquares,
        double statistic,
        boolean degraded,
        Transition transition,
        List<Double> warmup,
        Instant firstTime,
        Instant lastTime) {

    /** What the latest outcome did to the verdict. */
    public enum Transition {
        NONE,
        DEGRADED,
        RECOVERED
    }

    public static final CusumState START = new CusumState(0, 0, 0, 0, false, Transition.NONE, List.of(), null, null);

    public CusumState {
        warmup = List.copyOf(warmup);
    }

    /** Sample standard deviation of the returns seen, NaN below two. */
    public double standardDeviation() {
        return count < 2 ? Double.NaN : Math.sqrt(sumSquares / (count - 1));
    }
}
