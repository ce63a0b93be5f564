package dev.peregrine.monitor.application.port.out;

import dev.peregrine.common.event.SignalOutcomeMeasured;
import java.util.List;

/** Where measured outcomes are announced; returns once the broker has acknowledged them all. */
public interface OutcomeEvents {

    void publish(List<SignalOutcomeMeasured> outcomes);
}
