package dev.peregrine.monitor.adapter.in.kafka.health;

import dev.peregrine.common.Topics;
import dev.peregrine.common.event.SignalOutcomeEvent;
import dev.peregrine.common.event.SignalOutcomeMeasured;
import dev.peregrine.common.json.EventCodec;
import dev.peregrine.monitor.application.health.JudgeStrategies;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.support.Acknowledgment;
import org.springframework.stereotype.Component;

/**
 * The measured outcomes, read back from {@code signals.outcomes.v1} in a consumer group of their own, feed the
 * degradation rule. Acknowledged once judged and stored.
 */
@Component
public class OutcomeHealthListener {

    private final EventCodec codec;
    private final JudgeStrategies judge;

    public OutcomeHealthListener(EventCodec codec, JudgeStrategies judge) {
        this.codec = codec;
        this.judge = judge;
    }

    @KafkaListener(
            topics = Topics.SIGNALS_OUTCOMES,
            groupId = "${peregrine.monitor.auto-pause.consumer-group:monitor-service-health}")
    public void onOutcome(ConsumerRecord<String, String> record, Acknowledgment ack) {
        switch (codec.decode(record.value(), SignalOutcomeEvent.class)) {
            case SignalOutcomeMeasured outcome -> judge.judge(outcome);
        }
        ack.acknowledge();
    }
}
