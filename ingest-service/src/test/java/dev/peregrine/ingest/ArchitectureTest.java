package dev.peregrine.ingest;

import dev.peregrine.testkit.HexagonalArchitecture;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    @Test
    void followsTheHexagonalRules() {
        HexagonalArchitecture.check("dev.peregrine.ingest");
    }
}
