package dev.peregrine.execution.application;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Closed from start-up until the first complete reconciliation with the venue: until then no new order may be sent
 * (intents are not consumed) and the service is not ready. Opened once, never closed again by itself.
 */
public final class VenueGate {

    private final AtomicBoolean open = new AtomicBoolean();

    public boolean isOpen() {
        return open.get();
    }

    /** @return true the first time, when the gate actually opened */
    boolean open() {
        return open.compareAndSet(false, true);
    }
}
