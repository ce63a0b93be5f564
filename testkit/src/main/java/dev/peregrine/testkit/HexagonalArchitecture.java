package dev.peregrine.testkit;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The rules every service is held to: {@code domain} and {@code application} are plain Java, free of
 * Spring, Kafka, JPA/JDBC and Micrometer; {@code domain} does not reach out to {@code application},
 * {@code adapter} or {@code config}; {@code application} does not know adapters.
 */
public final class HexagonalArchitecture {

    private HexagonalArchitecture() {
    }

    public static JavaClasses importProductionClasses(String basePackage) {
        return new ClassFileImporter()
                // Matches test classes wherever the build directory is (-Dperegrine.build.dir), unlike DO_NOT_INCLUDE_TESTS.
                .withImportOption(location -> !location.contains("/test-classes/"))
                .importPackages(basePackage);
    }

    public static void check(String basePackage) {
        JavaClasses classes = importProductionClasses(basePackage);
        for (ArchRule rule : rules(basePackage)) {
            rule.check(classes);
        }
    }

    public static java.util.List<ArchRule> rules(String basePackage) {
        String domain = basePackage + ".domain..";
        String application = basePackage + ".application..";
        return java.util.List.of(
                noClasses().that().resideInAnyPackage(domain, application)
                        .should().dependOnClassesThat().resideInAnyPackage(
                                "org.springframework..", "org.apache.kafka..", "jakarta.persistence..",
                                "org.hibernate..", "io.micrometer..", "java.sql..", "javax.sql..", "tools.jackson..",
                                "com.fasterxml.jackson..")
                        .because("domain and application are plain Java; frameworks live in adapters and config"),
                noClasses().that().resideInAPackage(domain)
                        .should().dependOnClassesThat().resideInAnyPackage(application,
                                basePackage + ".adapter..", basePackage + ".config..")
                        .because("the domain depends on nothing outside itself"),
                noClasses().that().resideInAPackage(application)
                        .should().dependOnClassesThat().resideInAnyPackage(basePackage + ".adapter..", basePackage + ".config..")
                        .because("use cases talk to adapters only through ports"));
    }
}
