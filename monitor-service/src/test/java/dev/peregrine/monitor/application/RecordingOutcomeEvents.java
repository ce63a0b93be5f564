package dev.peregrine.monitor.application;

import dev.peregrine.common.event.SignalOutcomeMeasured;
import dev.peregrine.monitor.application.port.out.OutcomeEvents;
import java.util.ArrayList;
import java.util.List;

/** Keeps what was published; can be made to fail like a broker that is down. */
class RecordingOutcomeEvents implements OutcomeEvents {

    final List<SignalOutcomeMeasured> published = new ArrayList<>();
    boolean down;

    @Override
    public void publish(List<SignalOutcomeMeasured> outcomes) {
        if (down) {
            throw new IllegalStateException("broker down");
        }
        published.addAll(outcomes);
    }
}
