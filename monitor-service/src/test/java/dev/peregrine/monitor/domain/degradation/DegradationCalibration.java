package dev.peregrine.monitor.domain.degradation;

import java.util.Locale;

/**
 * Prints the error rates of the degradation rule that docs/monitoring.md reports (not a test; run by
 * hand from the test class path: {@code java -cp <test-classes>:<classes>:<common.jar>
 * dev.peregrine.monitor.domain.degradation.DegradationCalibration}). Takes a minute or two on one core.
 */
public final class DegradationCalibration {

    static final long SEED = 20_261_206L;
    static final double SD = 0.015;

    private DegradationCalibration() {}

    public static void main(String[] args) {
        DegradationSimulator defaults =
                new DegradationSimulator(new CusumDegradationRule(DegradationSettings.DEFAULTS));
        System.out.println("False pauses of a zero-edge strategy (" + DegradationSettings.DEFAULTS + "):");
        print(defaults.simulate(new StudentTReturns(0, SD, 4), new SimulationSettings(35, 30, 20_000, SEED)));
        print(defaults.simulate(new StudentTReturns(0, SD, 3), new SimulationSettings(35, 30, 20_000, SEED)));
        print(defaults.simulate(new StudentTReturns(0, SD, 4), new SimulationSettings(10, 30, 20_000, SEED)));
        print(defaults.simulate(new StudentTReturns(0, SD, 4), new SimulationSettings(35, 365, 5_000, SEED)));
        System.out.println("Time to pause a losing strategy, 90 days at the most:");
        for (double lossBps : new double[] {10, 20, 30, 50}) {
            print(defaults.simulate(
                    new StudentTReturns(-lossBps / 10_000, SD, 4), new SimulationSettings(35, 90, 2_000, SEED)));
        }
    }

    private static void print(PauseEstimate e) {
        System.out.printf(
                Locale.ROOT,
                "| %s | %d/day, %d days, %d runs | %.2f %% [%.2f, %.2f] | %.1f | %.1f |%n",
                e.model(),
                e.settings().tradesPerDay(),
                e.settings().days(),
                e.settings().runs(),
                100 * e.rate(),
                100 * e.pausedWithinHorizon().lower(),
                100 * e.pausedWithinHorizon().upper(),
                e.medianDaysToPause(),
                e.p90DaysToPause());
    }
}
