package dev.peregrine.signal.adapter.out.kafka;

import dev.peregrine.common.Topics;
import dev.peregrine.common.event.SignalValidated;
import dev.peregrine.platform.kafka.EventPublisher;
import dev.peregrine.signal.application.port.out.SignalPublisher;
import java.util.List;
import org.springframework.stereotype.Component;

/** Validated signals go to {@link Topics#SIGNALS_VALIDATED}, keyed by symbol; a candle's signals travel together. */
@Component
public class KafkaSignalPublisher implements SignalPublisher {

    private final EventPublisher eventPublisher;

    public KafkaSignalPublisher(EventPublisher eventPublisher) {
        this.eventPublisher = eventPublisher;
    }

    @Override
    public void publishAll(List<SignalValidated> signals) {
        eventPublisher.publishAll(Topics.SIGNALS_VALIDATED, signals);
    }
}
