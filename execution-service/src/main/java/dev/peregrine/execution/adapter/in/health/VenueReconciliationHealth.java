package dev.peregrine.execution.adapter.in.health;

import dev.peregrine.execution.application.VenueGate;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/** {@code venueReconciliation}: DOWN until the first complete reconciliation with the venue (part of readiness). */
@Component("venueReconciliation")
class VenueReconciliationHealth implements HealthIndicator {

    private final VenueGate gate;

    VenueReconciliationHealth(VenueGate gate) {
        this.gate = gate;
    }

    @Override
    public Health health() {
        return gate.isOpen()
                ? Health.up().build()
                : Health.down()
                        .withDetail("reason", "the first reconciliation with the venue is not complete")
                        .build();
    }
}
