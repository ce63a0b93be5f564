package dev.peregrine.monitor.adapter.in.kafka.alert;

import dev.peregrine.common.Topics;
import dev.peregrine.common.event.AlertEvent;
import dev.peregrine.common.event.AlertRaised;
import dev.peregrine.common.json.EventCodec;
import dev.peregrine.monitor.application.alert.port.in.ReceiveAlert;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.support.Acknowledgment;
import org.springframework.stereotype.Component;

/**
 * Consumes {@code alerts.v1} in the service's consumer group. The alert and its deliveries are stored in one
 * transaction before the record is acknowledged, so a crash means redelivery, which adds nothing (idempotent by event
 * id). A record that cannot be decoded is dead-lettered by the platform.
 */
@Component
public class AlertListener {

    private static final Logger log = LoggerFactory.getLogger(AlertListener.class);

    private final EventCodec eventCodec;
    private final ReceiveAlert receiveAlert;

    public AlertListener(EventCodec eventCodec, ReceiveAlert receiveAlert) {
        this.eventCodec = eventCodec;
        this.receiveAlert = receiveAlert;
    }

    @KafkaListener(topics = Topics.ALERTS)
    public void onAlert(ConsumerRecord<String, String> record, Acknowledgment ack) {
        AlertEvent event = eventCodec.decode(record.value(), AlertEvent.class);
        switch (event) {
            case AlertRaised alert -> {
                if (receiveAlert.receive(alert) == ReceiveAlert.Receipt.DUPLICATE) {
                    log.debug(
                            "Alert already recorded, skipped: {}-{}@{}",
                            record.topic(),
                            record.partition(),
                            record.offset());
                }
            }
        }
        ack.acknowledge();
    }
}
