package dev.peregrine.monitor.application.alert.port.in;

import dev.peregrine.common.event.AlertRaised;

/** Records an alert and its deliveries, once per event id however often Kafka delivers it. */
public interface ReceiveAlert {

    Receipt receive(AlertRaised event);

    /** Whether the event was new. */
    enum Receipt {
        RECORDED,
        DUPLICATE
    }
}
