package dev.peregrine.monitor.domain.degradation;

import dev.peregrine.monitor.domain.quality.WilsonInterval;

/**
 * What a simulation measured: the share of runs the rule paused within the horizon (the false-pause rate when the
 * model has no edge, the power when it loses) and, over the paused runs, how many days it took.
 *
 * @param pausedWithinHorizon paused runs / runs with a 95 % Wilson interval
 * @param medianDaysToPause   median over paused runs, NaN when none paused
 * @param p90DaysToPause      90th percentile over paused runs, NaN when none paused
 */
public record PauseEstimate(
        String model,
        SimulationSettings settings,
        WilsonInterval pausedWithinHorizon,
        double medianDaysToPause,
        double meanDaysToPause,
        double p90DaysToPause) {

    public double rate() {
        return pausedWithinHorizon.rate();
    }
}
