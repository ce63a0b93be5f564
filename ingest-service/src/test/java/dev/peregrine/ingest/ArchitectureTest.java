package dev.peregrine.ingest;

import dev.peregrine.testkit.HexagonalArchitecture;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * All the hexagonal rules, the strict ones too: no cycle between any two packages, ports are interfaces, adapters
 * independent of one another, use cases named for their ports. Each rule is shown to fail on a bad fixture in testkit ({@code HexagonalArchitectureTest},
 * {@code ArchitectureRulesTest}).
 */
class ArchitectureTest {

    @Test
    void followsTheHexagonalRulesStrictly() {
        // LiveFeed is the running feed, not a use case: it answers ViewFeedStatus about itself, and only exists when
        // the live feed is switched on (the health indicator takes it as optional).
        HexagonalArchitecture.checkStrictly("dev.peregrine.ingest", Set.of("LiveFeed"));
    }
}
