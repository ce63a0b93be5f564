package dev.peregrine.signal.application.port.out;

import dev.peregrine.common.event.SignalValidated;
import java.util.List;

/** Announces validated signals; returns only once the broker has acknowledged every one. */
public interface SignalPublisher {

    /** Publishes the signals of one candle together; if any is not acknowledged the call fails as a whole. */
    void publishAll(List<SignalValidated> signals);
}
