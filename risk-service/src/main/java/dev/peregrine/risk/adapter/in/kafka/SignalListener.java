package dev.peregrine.risk.adapter.in.kafka;

import dev.peregrine.common.Topics;
import dev.peregrine.common.event.SignalEvent;
import dev.peregrine.common.event.SignalValidated;
import dev.peregrine.common.json.EventCodec;
import dev.peregrine.risk.application.port.in.DecideOnSignal;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.support.Acknowledgment;
import org.springframework.stereotype.Component;

/**
 * Acknowledges a signal only after its decision is stored and published; a record that cannot be decoded
 * propagates its exception so the platform's error handler dead-letters it.
 */
@Component
public class SignalListener {

    private final EventCodec eventCodec;
    private final DecideOnSignal decideOnSignal;

    public SignalListener(EventCodec eventCodec, DecideOnSignal decideOnSignal) {
        this.eventCodec = eventCodec;
        this.decideOnSignal = decideOnSignal;
    }

    @KafkaListener(topics = Topics.SIGNALS_VALIDATED)
    public void onSignal(ConsumerRecord<String, String> record, Acknowledgment ack) {
        SignalEvent event = eventCodec.decode(record.value(), SignalEvent.class);
        switch (event) {
            case SignalValidated signal -> decideOnSignal.decide(signal);
        }
        ack.acknowledge();
    }
}
