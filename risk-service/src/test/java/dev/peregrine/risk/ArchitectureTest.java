package dev.peregrine.risk;

import dev.peregrine.testkit.HexagonalArchitecture;
import org.junit.jupiter.api.Test;

/**
 * All the hexagonal rules, the strict ones too: no cycle between any two packages, ports are interfaces, adapters
 * independent of one another, use cases named for their ports. Each rule is shown to fail on a bad fixture in testkit ({@code HexagonalArchitectureTest},
 * {@code ArchitectureRulesTest}).
 */
class ArchitectureTest {

    @Test
    void followsTheHexagonalRulesStrictly() {
        HexagonalArchitecture.checkStrictly("dev.peregrine.risk");
    }
}
