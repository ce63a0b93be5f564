package dev.peregrine.benchmarks;

import dev.peregrine.testkit.ArchitectureRules;
import org.junit.jupiter.api.Test;

/**
 * The harnesses have no layers of their own, only the rule every module shares: no cycle between any two packages
 * (shown to fail on a bad fixture in testkit's {@code ArchitectureRulesTest}).
 */
class BenchmarksArchitectureTest {

    @Test
    void packagesAreFreeOfCycles() {
        ArchitectureRules.checkPackagesFreeOfCycles("dev.peregrine.benchmarks");
    }
}
