package dev.peregrine.risk.adapter.in.kafka;

import dev.peregrine.common.Topics;
import dev.peregrine.common.event.SignalEvent;
import dev.peregrine.common.event.SignalValidated;
import dev.peregrine.common.json.EventCodec;
import dev.peregrine.platform.metrics.PipelineStageTimer;
import dev.peregrine.risk.application.port.in.DecideOnSignal;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.support.Acknowledgment;
import org.springframework.stereotype.Component;

/**
 * Acknowledges a signal only after its decision is stored and published; a record that cannot be decoded
 * propagates its exception so the platform's error handler dead-letters it. Each decided signal is timed from its
 * record's Kafka timestamp to its decision (and intent, if any) acknowledged by the broker: the Pipeline dashboard's
 * {@code signal_to_decision} stage, the signal's wait in the topic included.
 */
@Component
public class SignalListener {

    private final EventCodec eventCodec;
    private final DecideOnSignal decideOnSignal;
    private final PipelineStageTimer signalToDecision;

    public SignalListener(EventCodec eventCodec, DecideOnSignal decideOnSignal, MeterRegistry meterRegistry) {
        this.eventCodec = eventCodec;
        this.decideOnSignal = decideOnSignal;
        this.signalToDecision = PipelineStageTimer.register(meterRegistry, "signal_to_decision");
    }

    @KafkaListener(topics = Topics.SIGNALS_VALIDATED)
    public void onSignal(ConsumerRecord<String, String> record, Acknowledgment ack) {
        SignalEvent event = eventCodec.decode(record.value(), SignalEvent.class);
        switch (event) {
            case SignalValidated signal -> decideOnSignal.decide(signal);
        }
        signalToDecision.recordSince(record);
        ack.acknowledge();
    }
}
