package dev.peregrine.testkit;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import java.util.ArrayList;
import java.util.List;

/**
 * The rules every module is held to, whatever its shape, kept here once so that each module's architecture test
 * calls them rather than copying them: no package cycles, and which other Peregrine modules a module may reach.
 * {@link HexagonalArchitecture} adds the layer rules of the services.
 *
 * <p>{@code common} cannot depend on testkit (testkit depends on it), so testkit's own {@code ModuleCyclesTest}
 * checks common's packages.
 */
public final class ArchitectureRules {

    /** Everything the project writes lives below this package. */
    public static final String PEREGRINE = "dev.peregrine";

    private ArchitectureRules() {}

    /** The production classes below {@code basePackage}, without the test classes that share its packages. */
    public static JavaClasses productionClasses(String basePackage) {
        return new ClassFileImporter()
                // Matches test classes wherever the build directory is (-Dperegrine.build.dir), unlike
                // DO_NOT_INCLUDE_TESTS.
                .withImportOption(location -> !location.contains("/test-classes/"))
                .importPackages(basePackage);
    }

    /**
     * Every package on its own is a slice (a package and its sub-package are different slices, and a module's root
     * package, e.g. the one holding a service's application class, is one too), and no slice depends on another
     * that depends back on it, however long the way round.
     */
    public static ArchRule packagesFreeOfCycles() {
        return slices().matching(PEREGRINE + ".(**)")
                .namingSlices("package $1")
                .should()
                .beFreeOfCycles()
                .because("a package cycle means neither package can be understood, changed or moved without the "
                        + "other");
    }

    /**
     * The classes of {@code fixturePackage}, test classes included: the deliberately bad classes a module's
     * architecture test shows its rules report (which {@link #productionClasses(String)} leaves out).
     */
    public static JavaClasses fixtureClasses(String fixturePackage) {
        return new ClassFileImporter().importPackages(fixturePackage);
    }

    /** What {@code rule} reports on {@code classes}, one line per violation; empty when it reports nothing. */
    public static String violations(ArchRule rule, JavaClasses classes) {
        return String.join("\n", rule.evaluate(classes).getFailureReport().getDetails());
    }

    /** Checks {@link #packagesFreeOfCycles()} against the production classes below {@code basePackage}. */
    public static void checkPackagesFreeOfCycles(String basePackage) {
        packagesFreeOfCycles().check(productionClasses(basePackage));
    }

    /**
     * The classes below {@code basePackage} use, of everything the project writes, only their own packages and
     * {@code allowedPackages} (ArchUnit package patterns: {@code "dev.peregrine.common.."} for a package and its
     * sub-packages, {@code "dev.peregrine.ingest"} for that one package alone). Maven keeps out what a module does
     * not declare; this states which of the declared modules the code may reach, and how deep.
     */
    public static ArchRule reachesOnlyPeregrinePackages(String basePackage, String because, String... allowedPackages) {
        List<String> allowed = new ArrayList<>(List.of(allowedPackages));
        allowed.add(basePackage + "..");
        DescribedPredicate<JavaClass> elsewhere = resideInAPackage(PEREGRINE + "..")
                .and(DescribedPredicate.not(resideInAnyPackage(allowed.toArray(String[]::new))))
                .as("reside in a Peregrine package other than " + allowed);
        return noClasses()
                .that()
                .resideInAPackage(basePackage + "..")
                .should()
                .dependOnClassesThat(elsewhere)
                .because(because);
    }
}
