package dev.peregrine.signal;

import dev.peregrine.testkit.HexagonalArchitecture;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    @Test
    void domainAndApplicationStayFrameworkFreeAndPointInwards() {
        HexagonalArchitecture.check("dev.peregrine.signal");
    }
}
