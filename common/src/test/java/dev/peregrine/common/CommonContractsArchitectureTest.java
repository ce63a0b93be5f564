package dev.peregrine.common;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import dev.peregrine.common.event.PeregrineEvent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The contracts module stays a plain library every service can depend on: no framework, broker, persistence
 * or metrics types, and events are immutable records under interfaces. Each rule is shown to fail on a fixture
 * below. Common's packages are checked for cycles by testkit's {@code TestkitAndCommonArchitectureTest}: common
 * cannot use testkit, which depends on it.
 */
class CommonContractsArchitectureTest {

    private static JavaClasses production;

    @BeforeAll
    static void importProductionClasses() {
        production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                // DO_NOT_INCLUDE_TESTS knows target/test-classes only; -Dperegrine.build.dir moves it elsewhere.
                .withImportOption(location -> !location.contains("/test-classes/"))
                .importPackages("dev.peregrine.common");
    }

    static final ArchRule NO_FRAMEWORK_DEPENDENCIES = noClasses()
            .that()
            .resideInAPackage("dev.peregrine.common..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "org.springframework..",
                    "org.apache.kafka..",
                    "jakarta.persistence..",
                    "io.micrometer..",
                    // JDBC types belong to the adapters (platform's JdbcTime converts); in an event they would
                    // tie every consumer to JDBC.
                    "java.sql..",
                    "javax.sql..")
            .because("common holds contracts only; services bring their own frameworks");

    static ArchRule eventsAreRecordsOrInterfaces(String eventPackage) {
        return classes()
                .that()
                .resideInAPackage(eventPackage)
                .and()
                .areAssignableTo(PeregrineEvent.class)
                .should(beRecordsOrInterfaces())
                .because("events are immutable values under a sealed interface per topic");
    }

    private static ArchCondition<JavaClass> beRecordsOrInterfaces() {
        return new ArchCondition<>("be records or interfaces") {
            @Override
            public void check(JavaClass item, ConditionEvents events) {
                boolean satisfied = item.isRecord() || item.isInterface();
                events.add(new SimpleConditionEvent(
                        item,
                        satisfied,
                        item.getName() + (satisfied ? " is" : " is neither") + " a record or an interface"));
            }
        };
    }

    @Test
    void importedTheProductionClasses() {
        assertThat(production.contain(PeregrineEvent.class)).isTrue();
        assertThat(production.contain("dev.peregrine.common.json.EventCodec")).isTrue();
        assertThat(production.that(DescribedPredicate.describe(
                        "test class", c -> c.getSimpleName().endsWith("Test"))))
                .isEmpty();
    }

    @Test
    void noFrameworkBrokerPersistenceOrMetricsDependencies() {
        NO_FRAMEWORK_DEPENDENCIES.check(production);
    }

    @Test
    void eventsAreRecordsOrInterfaces() {
        eventsAreRecordsOrInterfaces("dev.peregrine.common.event").check(production);
    }

    @Test
    void eventRuleCatchesAClassEvent() {
        JavaClasses fixture = new ClassFileImporter().importClasses(MutableEvent.class, PeregrineEvent.class);

        assertThatThrownBy(() ->
                        eventsAreRecordsOrInterfaces("dev.peregrine.common").check(fixture))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining(MutableEvent.class.getName() + " is neither a record or an interface");
    }

    @Test
    void frameworkRuleCatchesAJdbcType() {
        // Spring, Kafka, JPA and Micrometer are not on common's class path; JDBC, in the JDK, is in the same list.
        JavaClasses fixture = new ClassFileImporter().importClasses(JdbcStampedValue.class);

        assertThatThrownBy(() -> NO_FRAMEWORK_DEPENDENCIES.check(fixture))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining(JdbcStampedValue.class.getName())
                .hasMessageContaining("java.sql.Timestamp");
    }

    /** A fixture that breaks the framework rule: a value carrying a JDBC type. */
    record JdbcStampedValue(java.sql.Timestamp at) {}

    /** A fixture that breaks the event rule: a mutable class implementing {@link PeregrineEvent}. */
    static final class MutableEvent implements PeregrineEvent {

        private String key = "BTCUSDT";

        @Override
        public dev.peregrine.common.event.Envelope envelope() {
            return null;
        }

        @Override
        public String key() {
            return key;
        }

        void rekey(String newKey) {
            key = newKey;
        }
    }
}
