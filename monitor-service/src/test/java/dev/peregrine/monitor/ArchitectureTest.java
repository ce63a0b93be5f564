package dev.peregrine.monitor;

import dev.peregrine.testkit.HexagonalArchitecture;
import org.junit.jupiter.api.Test;

/**
 * The hexagonal rules and, stricter, no cycle between any two packages. Each rule is shown to fail on a bad fixture
 * in testkit ({@code HexagonalArchitectureTest}, {@code ArchitectureRulesTest}).
 */
class ArchitectureTest {

    @Test
    void followsTheHexagonalRulesWithPackagesFreeOfCycles() {
        HexagonalArchitecture.checkWithPackageCycles("dev.peregrine.monitor");
    }
}
