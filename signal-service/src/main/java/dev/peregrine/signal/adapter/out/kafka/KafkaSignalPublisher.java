package dev.peregrine.signal.adapter.out.kafka;

import dev.peregrine.common.Topics;
import dev.peregrine.common.event.SignalValidated;
import dev.peregrine.platform.kafka.EventPublisher;
import dev.peregrine.signal.application.port.out.SignalPublisher;
import org.springframework.stereotype.Component;

/** Validated signals go to {@link Topics#SIGNALS_VALIDATED}, keyed by symbol. */
@Component
public class KafkaSignalPublisher implements SignalPublisher {

    private final EventPublisher eventPublisher;

    public KafkaSignalPublisher(EventPublisher eventPublisher) {
        this.eventPublisher = eventPublisher;
    }

    @Override
    public void publish(SignalValidated signal) {
        eventPublisher.publish(Topics.SIGNALS_VALIDATED, signal);
    }
}
