package dev.peregrine.monitor;

import dev.peregrine.testkit.HexagonalArchitecture;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    @Test
    void domainAndApplicationStayFreeOfFrameworksAndAdapters() {
        HexagonalArchitecture.check("dev.peregrine.monitor");
    }
}
