package dev.peregrine.monitor.adapter.out.advice;

import dev.peregrine.common.Topics;
import dev.peregrine.common.event.Envelope;
import dev.peregrine.common.event.SetStrategyWeight;
import dev.peregrine.common.id.DerivedIds;
import dev.peregrine.monitor.application.advice.port.out.WeightCommands;
import dev.peregrine.monitor.domain.advice.WeightChange;
import dev.peregrine.platform.kafka.EventPublisher;
import java.time.Clock;
import org.springframework.stereotype.Component;

/**
 * A weight change as {@code SetStrategyWeight} on {@link Topics#STRATEGY_COMMANDS}, the reason carrying the change and
 * its evidence. The event id derives from the change, so a repeated send is the same command, applied once by
 * signal-service.
 */
@Component
public class KafkaWeightCommands implements WeightCommands {

    static final String REQUESTED_BY = "monitor-service (weight advice auto-apply)";

    private final EventPublisher publisher;
    private final Clock clock;

    public KafkaWeightCommands(EventPublisher publisher, Clock clock) {
        this.publisher = publisher;
        this.clock = clock;
    }

    @Override
    public void send(WeightChange change) {
        Envelope envelope = Envelope.root(
                DerivedIds.from("weight-command", change.changeId()), change.decidedAt(), clock.instant());
        publisher.publish(
                Topics.STRATEGY_COMMANDS,
                new SetStrategyWeight(envelope, change.strategyId(), change.weight(), change.reason(), REQUESTED_BY));
    }
}
