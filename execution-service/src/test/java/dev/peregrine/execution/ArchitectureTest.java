package dev.peregrine.execution;

import dev.peregrine.testkit.HexagonalArchitecture;
import org.junit.jupiter.api.Test;

/**
 * The hexagonal rules. Not yet {@link HexagonalArchitecture#checkStrictly(String)}: {@code application},
 * {@code application.port.in} and {@code application.port.out} form a package cycle ({@code ReconcileUseCase} and
 * {@code VenueEventsUseCase} return {@code application.Reconciliation}; the out-port {@code OrderStore} takes the
 * in-port's {@code OrderFilter}), and the adapter {@code adapter.in.schedule.VenueReconciliationSchedule} uses
 * {@code adapter.in.kafka.OrderIntentsStarter}, which the adapter rule forbids.
 */
class ArchitectureTest {

    @Test
    void followsTheHexagonalRules() {
        HexagonalArchitecture.check("dev.peregrine.execution");
    }
}
