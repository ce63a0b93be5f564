package dev.peregrine.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Proves that each rule can fail: every rule passes on {@code fixture.good}, a service laid out by the rules, and
 * reports the class of {@code fixture.bad} that breaks it, and only the rule it breaks names that class. The
 * package-cycle rule, which every module uses, is proven in {@code ArchitectureRulesTest}.
 */
class HexagonalArchitectureTest {

    private static final String GOOD = "dev.peregrine.testkit.fixture.good";
    private static final String BAD = "dev.peregrine.testkit.fixture.bad";

    // The fixtures are test classes, which importProductionClasses leaves out.
    private static final JavaClasses GOOD_CLASSES = new ClassFileImporter().importPackages(GOOD);
    private static final JavaClasses BAD_CLASSES = new ClassFileImporter().importPackages(BAD);

    @Test
    void aServiceLaidOutByTheRulesPassesThemAll() {
        for (ArchRule rule : allRules(GOOD)) {
            assertThat(rule.evaluate(GOOD_CLASSES).hasViolation())
                    .as(rule.getDescription())
                    .isFalse();
        }
    }

    @Test
    void aDomainClassUsingSpringBreaksThePlainJavaRule() {
        assertReports(HexagonalArchitecture::plainJavaCore, BAD + ".domain.SpringPrice", "org.springframework.util");
    }

    @Test
    void aDomainClassReadingConfigBreaksTheDomainRule() {
        assertReports(
                HexagonalArchitecture::domainDependsOnItself,
                BAD + ".domain.ConfiguredPrice",
                BAD + ".config.Settings");
    }

    @Test
    void anApplicationClassCallingAnAdapterBreaksThePortsRule() {
        assertReports(
                HexagonalArchitecture::applicationReachesAdaptersThroughPorts,
                BAD + ".application.DirectQuotes",
                BAD + ".adapter.FixedPriceSource");
    }

    @Test
    void anAdapterReadingConfigWhileConfigBuildsItBreaksTheLayerCycleRule() {
        assertReports(
                HexagonalArchitecture::layersFreeOfCycles,
                "layer adapter -> ",
                "layer config",
                BAD + ".adapter.StartupRunner",
                BAD + ".config.Wiring");
    }

    @Test
    void aConcreteClassInAPortPackageBreaksThePortsRule() {
        assertReports(HexagonalArchitecture::portsAreInterfaces, BAD + ".application.port.CachedQuotes");
        // An exception a port throws may sit beside it.
        assertThat(report(HexagonalArchitecture.portsAreInterfaces(BAD))).doesNotContain("QuoteUnavailableException");
    }

    @Test
    void anInboundAdapterCallingAnOutboundOneBreaksTheAdapterRule() {
        assertReports(
                HexagonalArchitecture::adaptersIndependentOfOneAnother,
                "adapter in.rest",
                "adapter out.cache",
                BAD + ".adapter.in.rest.PriceController",
                BAD + ".adapter.out.cache.PriceCache");
    }

    @Test
    void aPortWithASuffixAndAnImplementationNamedOtherwiseBreakTheNamingRule() {
        assertReports(
                base -> HexagonalArchitecture.useCasesNamedForTheirPorts(base, Set.of()),
                BAD + ".application.QuoteReader implements the inbound port(s) [QuoteQueries] but is not named "
                        + "QuoteQueriesService",
                BAD + ".application.port.in.QuoteQueries is an inbound port: name it for what it does");
        // A named exception is let through; the port's own name still is not.
        String excepted = report(HexagonalArchitecture.useCasesNamedForTheirPorts(BAD, Set.of("QuoteReader")));
        assertThat(excepted).doesNotContain("QuoteReader implements").contains("QuoteQueries is an inbound port");
    }

    @Test
    void eachViolatingClassIsReportedOnlyByTheRuleItBreaks() {
        // The cycle rules name many classes of a cycle; the other rules each name their one violator.
        List<Function<String, ArchRule>> dependencyRules = List.of(
                HexagonalArchitecture::plainJavaCore,
                HexagonalArchitecture::domainDependsOnItself,
                HexagonalArchitecture::applicationReachesAdaptersThroughPorts,
                HexagonalArchitecture::portsAreInterfaces,
                HexagonalArchitecture::adaptersIndependentOfOneAnother);
        List<String> violators =
                List.of("SpringPrice", "ConfiguredPrice", "DirectQuotes", "CachedQuotes", "PriceController");
        for (int i = 0; i < dependencyRules.size(); i++) {
            String report = report(dependencyRules.get(i).apply(BAD));
            for (int j = 0; j < violators.size(); j++) {
                if (i == j) {
                    assertThat(report).contains(violators.get(j));
                } else {
                    assertThat(report).doesNotContain(violators.get(j));
                }
            }
        }
    }

    @Test
    void theDefaultRulesIncludeTheLayerCycleRuleButNotTheStrictOnes() {
        List<String> descriptions = HexagonalArchitecture.rules(BAD).stream()
                .map(ArchRule::getDescription)
                .toList();
        assertThat(descriptions)
                .contains(HexagonalArchitecture.layersFreeOfCycles(BAD).getDescription())
                .doesNotContain(
                        ArchitectureRules.packagesFreeOfCycles().getDescription(),
                        HexagonalArchitecture.portsAreInterfaces(BAD).getDescription(),
                        HexagonalArchitecture.adaptersIndependentOfOneAnother(BAD)
                                .getDescription());
        assertThat(HexagonalArchitecture.strictRules(BAD)).hasSize(descriptions.size() + 4);
    }

    @Test
    void checkFailsWithTheRulesReport() {
        ArchRule rule = HexagonalArchitecture.layersFreeOfCycles(BAD);
        assertThatThrownBy(() -> rule.check(BAD_CLASSES))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Cycle detected");
    }

    private static List<ArchRule> allRules(String basePackage) {
        return HexagonalArchitecture.strictRules(basePackage);
    }

    private static void assertReports(Function<String, ArchRule> rule, String... expected) {
        EvaluationResult onGood = rule.apply(GOOD).evaluate(GOOD_CLASSES);
        assertThat(onGood.hasViolation()).as("on the good fixture").isFalse();
        EvaluationResult onBad = rule.apply(BAD).evaluate(BAD_CLASSES);
        assertThat(onBad.hasViolation()).as("on the bad fixture").isTrue();
        assertThat(String.join("\n", onBad.getFailureReport().getDetails())).contains(expected);
    }

    private static String report(ArchRule rule) {
        return String.join("\n", rule.evaluate(BAD_CLASSES).getFailureReport().getDetails());
    }
}
