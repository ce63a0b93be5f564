package dev.peregrine.risk;

import dev.peregrine.testkit.HexagonalArchitecture;
import org.junit.jupiter.api.Test;

/**
 * The hexagonal rules. Not yet {@link HexagonalArchitecture#checkStrictly(String)}: {@code application} and
 * {@code application.port.in} use each other (the use cases implement the ports, and the port {@code ViewPortfolio}
 * returns {@code application.PortfolioView}). {@code PortfolioView} beside its port ends the cycle; then this can
 * check strictly.
 */
class ArchitectureTest {

    @Test
    void followsTheHexagonalRules() {
        HexagonalArchitecture.check("dev.peregrine.risk");
    }
}
