package dev.peregrine.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;

/**
 * A deliberately bad fixture class and the rule it breaks by using {@code reached}: a module's architecture test
 * lists one per rule and asserts each is reported, which proves the rule can fail (a rule whose package pattern
 * matches nothing would pass forever).
 */
public record RuleViolation(ArchRule rule, Class<?> violator, Class<?> reached) {

    /**
     * The rule, evaluated on {@code fixtures}, reports {@link #violator()} using {@link #reached()}, and none of the
     * other violators in {@code all}, which break other rules.
     */
    public void assertReportedAmong(List<RuleViolation> all, JavaClasses fixtures) {
        String report = ArchitectureRules.violations(rule, fixtures);
        assertThat(report).as(rule.getDescription()).contains(violator.getName(), reached.getName());
        all.stream()
                .map(RuleViolation::violator)
                .filter(other -> other != violator)
                .forEach(other -> assertThat(report).as(rule.getDescription()).doesNotContain(other.getName()));
    }

    @Override
    public String toString() {
        return violator.getSimpleName() + " breaks: " + rule.getDescription();
    }
}
