package dev.peregrine.backtest;

import dev.peregrine.testkit.ArchitectureRules;
import org.junit.jupiter.api.Test;

/**
 * The rule every module shares: no cycle between any two packages (shown to fail on a bad fixture in testkit's
 * {@code ArchitectureRulesTest}). The research maths' own rules are in {@code ResearchArchitectureTest}.
 */
class BacktestArchitectureTest {

    @Test
    void packagesAreFreeOfCycles() {
        ArchitectureRules.checkPackagesFreeOfCycles("dev.peregrine.backtest");
    }
}
