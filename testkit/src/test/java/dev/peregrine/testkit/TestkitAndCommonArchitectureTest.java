package dev.peregrine.testkit;

import org.junit.jupiter.api.Test;

/**
 * The package-cycle rule for testkit itself and for {@code common}: common cannot use testkit (testkit depends on
 * it), so its packages are checked from here, where both are on the class path.
 */
class TestkitAndCommonArchitectureTest {

    @Test
    void testkitsPackagesAreFreeOfCycles() {
        ArchitectureRules.checkPackagesFreeOfCycles("dev.peregrine.testkit");
    }

    @Test
    void commonsPackagesAreFreeOfCycles() {
        ArchitectureRules.checkPackagesFreeOfCycles("dev.peregrine.common");
    }
}
