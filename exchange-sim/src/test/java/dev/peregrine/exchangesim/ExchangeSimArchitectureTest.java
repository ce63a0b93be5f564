package dev.peregrine.exchangesim;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.binance.connector.client.impl.SpotClientImpl;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.lang.ArchRule;
import dev.peregrine.common.value.Symbol;
import dev.peregrine.exchangesim.fixture.ConnectorBackedOrders;
import dev.peregrine.exchangesim.fixture.PeregrineSymbolKline;
import dev.peregrine.exchangesim.fixture.SpringCheckedOrder;
import dev.peregrine.testkit.ArchitectureRules;
import dev.peregrine.testkit.RuleViolation;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.util.Assert;

/**
 * The design of the exchange simulator as rules: it stands in for Binance, so it is built like an outside venue,
 * knowing only Binance's wire protocol. Each rule holds against the production classes and is shown to report a
 * class of {@code fixture} that breaks it. (The shared package-cycle rule is shown to fail in testkit's
 * {@code ArchitectureRulesTest}.)
 */
class ExchangeSimArchitectureTest {

    private static final String SIM = "dev.peregrine.exchangesim";
    private static final String FIXTURES = SIM + ".fixture";

    /**
     * The simulator speaks Binance's JSON and nothing of Peregrine: built on {@code common}'s events or values it
     * could agree with the services by construction and hide a mismatch the real Binance would show, and it could
     * not run on its own ({@code ExchangeSimulatorMain}) for another client.
     */
    static final ArchRule USES_NO_PEREGRINE_MODULE = ArchitectureRules.reachesOnlyPeregrinePackages(
            SIM, "the simulator stands in for Binance and knows only Binance's wire protocol, never Peregrine's model");

    /**
     * The official connector is what the services use and what the tests drive the simulator with; an
     * implementation of the protocol of its own is what lets those tests find the connector's and the services'
     * mistakes rather than share them.
     */
    static final ArchRule NOT_BUILT_ON_THE_BINANCE_CLIENT = noClasses()
            .that()
            .resideInAPackage(SIM + "..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("com.binance..")
            .because("the simulator implements Binance's protocol itself, so the official client is tested against "
                    + "an independent server");

    /**
     * A small embeddable server (the JDK's HTTP server and Java-WebSocket) that any test or the local stack starts in
     * a few milliseconds: no Spring context, and no broker or database, which a venue does not have.
     */
    static final ArchRule PLAIN_JAVA_SERVER = noClasses()
            .that()
            .resideInAPackage(SIM + "..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "org.springframework..", "org.apache.kafka..", "java.sql..", "javax.sql..", "jakarta.persistence..")
            .because("the simulator is a plain Java server that starts anywhere, with no framework, broker or "
                    + "database of its own");

    @Test
    void productionClassesFollowTheSimulatorRules() {
        JavaClasses production = ArchitectureRules.productionClasses(SIM);
        USES_NO_PEREGRINE_MODULE.check(production);
        NOT_BUILT_ON_THE_BINANCE_CLIENT.check(production);
        PLAIN_JAVA_SERVER.check(production);
        ArchitectureRules.packagesFreeOfCycles().check(production);
    }

    static List<RuleViolation> rulesAndTheirViolators() {
        return List.of(
                new RuleViolation(USES_NO_PEREGRINE_MODULE, PeregrineSymbolKline.class, Symbol.class),
                new RuleViolation(NOT_BUILT_ON_THE_BINANCE_CLIENT, ConnectorBackedOrders.class, SpotClientImpl.class),
                new RuleViolation(PLAIN_JAVA_SERVER, SpringCheckedOrder.class, Assert.class));
    }

    @ParameterizedTest
    @MethodSource("rulesAndTheirViolators")
    void eachRuleReportsTheFixtureThatBreaksIt(RuleViolation violation) {
        violation.assertReportedAmong(rulesAndTheirViolators(), ArchitectureRules.fixtureClasses(FIXTURES));
    }
}
