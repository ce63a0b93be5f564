package dev.peregrine.signal.application.port.out;

import dev.peregrine.common.event.SignalValidated;

/** Announces validated signals; returns only once the broker has acknowledged. */
public interface SignalPublisher {

    void publish(SignalValidated signal);
}
