package dev.peregrine.platform;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.lang.ArchRule;
import dev.peregrine.platform.fixture.kafka.AutoConfiguredTopics;
import dev.peregrine.platform.fixture.kafka.TestkitClockPublisher;
import dev.peregrine.testkit.ArchitectureRules;
import dev.peregrine.testkit.MutableClock;
import dev.peregrine.testkit.RuleViolation;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The rules of {@code platform}, the runtime every service shares, held against its production classes, and each
 * shown to report a class of {@code fixture} that breaks it. (The shared package-cycle rule is shown to fail in
 * testkit's {@code ArchitectureRulesTest}.)
 */
class PlatformArchitectureTest {

    private static final String PLATFORM = "dev.peregrine.platform";
    private static final String FIXTURES = PLATFORM + ".fixture";

    /**
     * Every service depends on platform, so platform can know none of them (that would be a cycle the moment the
     * service is on the class path) and never testkit, which is for tests; of the project's modules it uses only
     * the contracts in {@code common}.
     */
    static final ArchRule REACHES_ONLY_COMMON = ArchitectureRules.reachesOnlyPeregrinePackages(
            PLATFORM,
            "platform is the runtime every service shares: it knows the contracts, never a service or testkit",
            "dev.peregrine.common..");

    /**
     * The root package holds what assembles the features ({@code PeregrinePlatformAutoConfiguration}) and starts a
     * service ({@code PeregrineApplication}); the feature packages ({@code kafka}, {@code web}, {@code security},
     * {@code deadletter}, {@code health}, {@code jdbc}) are the parts it assembles and do not reach back, so each
     * feature can be read, tested and imported on its own.
     */
    static final ArchRule FEATURES_DO_NOT_REACH_THE_ROOT = noClasses()
            .that()
            .resideInAPackage(PLATFORM + ".*..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage(PLATFORM)
            .because("the root package assembles the features; a feature that reads it could not stand alone");

    @Test
    void productionClassesFollowThePlatformRules() {
        JavaClasses production = ArchitectureRules.productionClasses(PLATFORM);
        REACHES_ONLY_COMMON.check(production);
        FEATURES_DO_NOT_REACH_THE_ROOT.check(production);
        ArchitectureRules.packagesFreeOfCycles().check(production);
    }

    static List<RuleViolation> rulesAndTheirViolators() {
        return List.of(
                new RuleViolation(REACHES_ONLY_COMMON, TestkitClockPublisher.class, MutableClock.class),
                new RuleViolation(
                        FEATURES_DO_NOT_REACH_THE_ROOT, AutoConfiguredTopics.class, PeregrineApplication.class));
    }

    @ParameterizedTest
    @MethodSource("rulesAndTheirViolators")
    void eachRuleReportsTheFixtureThatBreaksIt(RuleViolation violation) {
        violation.assertReportedAmong(rulesAndTheirViolators(), ArchitectureRules.fixtureClasses(FIXTURES));
    }
}
