package dev.peregrine.signal.adapter.out.kafka;

import dev.peregrine.common.Topics;
import dev.peregrine.common.event.StrategyStateChanged;
import dev.peregrine.platform.kafka.EventPublisher;
import dev.peregrine.signal.application.port.out.StrategyEventPublisher;
import org.springframework.stereotype.Component;

/** Strategy changes go to {@link Topics#STRATEGY_EVENTS}, keyed by strategy id. */
@Component
public class KafkaStrategyEventPublisher implements StrategyEventPublisher {

    private final EventPublisher eventPublisher;

    public KafkaStrategyEventPublisher(EventPublisher eventPublisher) {
        this.eventPublisher = eventPublisher;
    }

    @Override
    public void publish(StrategyStateChanged event) {
        eventPublisher.publish(Topics.STRATEGY_EVENTS, event);
    }
}
