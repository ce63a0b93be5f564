package dev.peregrine.monitor.adapter.out.kafka;

import dev.peregrine.common.Topics;
import dev.peregrine.common.event.SignalOutcomeMeasured;
import dev.peregrine.monitor.application.port.out.OutcomeEvents;
import dev.peregrine.platform.kafka.EventPublisher;
import java.util.List;
import org.springframework.stereotype.Component;

/** Measured outcomes go to {@link Topics#SIGNALS_OUTCOMES}, keyed by symbol. */
@Component
public class KafkaOutcomeEvents implements OutcomeEvents {

    private final EventPublisher publisher;

    public KafkaOutcomeEvents(EventPublisher publisher) {
        this.publisher = publisher;
    }

    @Override
    public void publish(List<SignalOutcomeMeasured> outcomes) {
        publisher.publishAll(Topics.SIGNALS_OUTCOMES, outcomes);
    }
}
