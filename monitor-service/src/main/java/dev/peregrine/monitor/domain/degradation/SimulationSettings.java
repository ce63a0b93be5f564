package dev.peregrine.monitor.domain.degradation;

/**
 * How a Monte Carlo measurement of the rule is run: each of {@code runs} strategies trades
 * {@code tradesPerDay} times a day for at most {@code days} days, from a fresh rule state, seeded for reproducibility.
 */
public record SimulationSettings(int tradesPerDay, int days, int runs, long seed) {

    public SimulationSettings {
        if (tradesPerDay < 1 || days < 1 || runs < 1) {
            throw new IllegalArgumentException("tradesPerDay, days and runs must be >= 1");
        }
    }

    public int tradesPerRun() {
        return tradesPerDay * days;
    }
}
