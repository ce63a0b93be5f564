package dev.peregrine.backtest.research;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The research maths stays pure: only the objective and the command-line entries know the engine. */
class ResearchArchitectureTest {

    private static final JavaClasses RESEARCH = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.peregrine.backtest.research");

    @Test
    void theMathsKnowsNeitherTheEngineNorAFramework() {
        noClasses()
                .that()
                .resideInAnyPackage(
                        "..research.walkforward..",
                        "..research.search..",
                        "..research.overfitting..",
                        "..research.calibration..",
                        "..research.stats..",
                        "..research.optimiser..",
                        "..research.export..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "dev.peregrine.backtest.engine..",
                        "dev.peregrine.backtest.cli..",
                        "dev.peregrine.signal..",
                        "dev.peregrine.risk..",
                        "org.springframework..")
                .check(RESEARCH);
    }
}
