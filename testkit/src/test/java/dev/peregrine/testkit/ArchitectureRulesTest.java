package dev.peregrine.testkit;

import static dev.peregrine.testkit.ArchitectureRules.fixtureClasses;
import static dev.peregrine.testkit.ArchitectureRules.violations;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/**
 * Proves that the rules every module shares can fail: each passes on {@code fixture.good} and reports the classes
 * of {@code fixture.bad} that break it.
 */
class ArchitectureRulesTest {

    private static final String GOOD = "dev.peregrine.testkit.fixture.good";
    private static final String BAD = "dev.peregrine.testkit.fixture.bad";
    private static final JavaClasses GOOD_CLASSES = fixtureClasses(GOOD);
    private static final JavaClasses BAD_CLASSES = fixtureClasses(BAD);

    @Test
    void aPackageAndItsSubPackageUsingEachOtherBreakThePackageCycleRule() {
        ArchRule rule = ArchitectureRules.packagesFreeOfCycles();
        assertThat(violations(rule, GOOD_CLASSES)).isEmpty();
        assertThat(violations(rule, BAD_CLASSES))
                .contains("package testkit.fixture.bad.domain.sub", BAD + ".domain.Candle", BAD + ".domain.sub.Tick");
        // Inside one layer: the layer rule does not see it.
        assertThat(violations(HexagonalArchitecture.layersFreeOfCycles(BAD), BAD_CLASSES))
                .doesNotContain(BAD + ".domain.Candle");
    }

    @Test
    void aRootPackageClassAndASubPackageUsingEachOtherBreakThePackageCycleRule() {
        String report = violations(ArchitectureRules.packagesFreeOfCycles(), BAD_CLASSES);
        assertThat(report)
                .contains(
                        "package testkit.fixture.bad ",
                        "package testkit.fixture.bad.version",
                        BAD + ".BadServiceApplication",
                        BAD + ".version.BuildVersion");
        // The layer rule's slices leave the root package out.
        assertThat(violations(HexagonalArchitecture.layersFreeOfCycles(BAD), BAD_CLASSES))
                .doesNotContain("BadServiceApplication");
    }

    @Test
    void aClassUsingAPeregrineModuleItIsNotAllowedBreaksTheReachRule() {
        assertThat(violations(ArchitectureRules.reachesOnlyPeregrinePackages(GOOD, "a fixture"), GOOD_CLASSES))
                .isEmpty();
        ArchRule noOtherModule = ArchitectureRules.reachesOnlyPeregrinePackages(BAD, "a fixture");
        assertThat(violations(noOtherModule, BAD_CLASSES))
                .contains(BAD + ".domain.ListedPrice", "dev.peregrine.common.value.Symbol");
        // Classes of the module itself, and of the JDK or a library, are never reported.
        assertThat(violations(noOtherModule, BAD_CLASSES)).doesNotContain("SpringPrice", "Candle");
    }

    @Test
    void anAllowedPackageWithoutDotsAllowsThatPackageButNotItsSubPackages() {
        assertThat(violations(
                        ArchitectureRules.reachesOnlyPeregrinePackages(BAD, "a fixture", "dev.peregrine.common.."),
                        BAD_CLASSES))
                .isEmpty();
        assertThat(violations(
                        ArchitectureRules.reachesOnlyPeregrinePackages(BAD, "a fixture", "dev.peregrine.common"),
                        BAD_CLASSES))
                .contains(BAD + ".domain.ListedPrice");
        assertThat(violations(
                        ArchitectureRules.reachesOnlyPeregrinePackages(BAD, "a fixture", "dev.peregrine.common.value"),
                        BAD_CLASSES))
                .isEmpty();
    }

    @Test
    void checkFailsWithTheRulesReport() {
        assertThatThrownBy(() -> ArchitectureRules.packagesFreeOfCycles().check(BAD_CLASSES))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Cycle detected");
    }

    @Test
    void productionClassesLeaveTheFixturesOut() {
        assertThat(ArchitectureRules.productionClasses("dev.peregrine.testkit").contain(BAD + ".domain.Candle"))
                .isFalse();
        assertThat(BAD_CLASSES.contain(BAD + ".domain.Candle")).isTrue();
    }
}
