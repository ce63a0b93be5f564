package dev.peregrine.localstack;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.lang.ArchRule;
import dev.peregrine.localstack.fixture.MonitorPropertiesOverride;
import dev.peregrine.monitor.config.MonitorProperties;
import dev.peregrine.testkit.ArchitectureRules;
import dev.peregrine.testkit.RuleViolation;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The rules of the local stack, held against its production classes, and each shown to report a class of
 * {@code fixture} that breaks it. (The shared package-cycle rule is shown to fail in testkit's
 * {@code ArchitectureRulesTest}.)
 */
class LocalStackArchitectureTest {

    private static final String LOCAL_STACK = "dev.peregrine.localstack";
    private static final String FIXTURES = LOCAL_STACK + ".fixture";

    /**
     * The stack runs the five services as they are deployed: it starts each through its application class (the only
     * class in a service's root package) and configures it with properties, as Docker and Kubernetes do. A class of a
     * service's {@code domain}, {@code application}, {@code adapter} or {@code config} used here would let the stack
     * run something a deployment never runs, and tie the stack to internals the services may change. Besides the
     * services' entry points it uses the shared libraries ({@code common}, {@code platform}) and the simulator's
     * public API; never testkit, which is for tests.
     */
    static final ArchRule SERVICES_ONLY_THROUGH_THEIR_ENTRY_POINTS = ArchitectureRules.reachesOnlyPeregrinePackages(
            LOCAL_STACK,
            "the stack starts each service through its application class and its properties, as a deployment does",
            "dev.peregrine.ingest",
            "dev.peregrine.signal",
            "dev.peregrine.risk",
            "dev.peregrine.execution",
            "dev.peregrine.monitor",
            "dev.peregrine.common..",
            "dev.peregrine.platform..",
            "dev.peregrine.exchangesim..");

    @Test
    void productionClassesFollowTheLocalStackRules() {
        JavaClasses production = ArchitectureRules.productionClasses(LOCAL_STACK);
        SERVICES_ONLY_THROUGH_THEIR_ENTRY_POINTS.check(production);
        ArchitectureRules.packagesFreeOfCycles().check(production);
    }

    static List<RuleViolation> rulesAndTheirViolators() {
        return List.of(new RuleViolation(
                SERVICES_ONLY_THROUGH_THEIR_ENTRY_POINTS, MonitorPropertiesOverride.class, MonitorProperties.class));
    }

    @ParameterizedTest
    @MethodSource("rulesAndTheirViolators")
    void eachRuleReportsTheFixtureThatBreaksIt(RuleViolation violation) {
        violation.assertReportedAmong(rulesAndTheirViolators(), ArchitectureRules.fixtureClasses(FIXTURES));
    }
}
