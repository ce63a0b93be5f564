package dev.peregrine.signal.adapter.in.kafka;

import dev.peregrine.common.Topics;
import dev.peregrine.common.event.StrategyCommandEvent;
import dev.peregrine.common.json.EventCodec;
import dev.peregrine.signal.application.port.in.ChangeOutcome;
import dev.peregrine.signal.application.port.in.ManageStrategies;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.support.Acknowledgment;
import org.springframework.stereotype.Component;

/** Applies pause, resume and weight commands that other services (or operators' tools) send on Kafka. */
@Component
public class StrategyCommandListener {

    private static final Logger log = LoggerFactory.getLogger(StrategyCommandListener.class);

    private final EventCodec eventCodec;
    private final ManageStrategies manageStrategies;

    public StrategyCommandListener(EventCodec eventCodec, ManageStrategies manageStrategies) {
        this.eventCodec = eventCodec;
        this.manageStrategies = manageStrategies;
    }

    @KafkaListener(topics = Topics.STRATEGY_COMMANDS)
    public void onCommand(ConsumerRecord<String, String> record, Acknowledgment ack) {
        StrategyCommandEvent command = eventCodec.decode(record.value(), StrategyCommandEvent.class);
        ChangeOutcome outcome = manageStrategies.handle(command);
        switch (outcome) {
            case ChangeOutcome.Changed changed ->
                log.info(
                        "{} from {}: strategy {} is now {} (weight {})",
                        command.getClass().getSimpleName(),
                        command.requestedBy(),
                        changed.strategy().id(),
                        changed.strategy().state(),
                        changed.strategy().weight());
            case ChangeOutcome.Unchanged unchanged ->
                log.info(
                        "{} from {}: strategy {} already {} (weight {}), nothing to do",
                        command.getClass().getSimpleName(),
                        command.requestedBy(),
                        unchanged.strategy().id(),
                        unchanged.strategy().state(),
                        unchanged.strategy().weight());
            case ChangeOutcome.AlreadyApplied again ->
                log.info(
                        "{} {} was applied before; announcement re-published",
                        command.getClass().getSimpleName(),
                        command.envelope().eventId());
            // Retrying cannot make an unknown strategy known: the platform dead-letters this at once, with the reason.
            case ChangeOutcome.UnknownStrategy unknown ->
                throw new IllegalArgumentException("unknown strategy '" + unknown.strategyId() + "' in "
                        + command.getClass().getSimpleName() + " "
                        + command.envelope().eventId());
        }
        ack.acknowledge();
    }
}
