package dev.peregrine.execution.adapter.in.kafka;

import dev.peregrine.common.Topics;
import dev.peregrine.common.event.OrderCancelRequested;
import dev.peregrine.common.event.OrderIntentCreated;
import dev.peregrine.common.event.OrderIntentEvent;
import dev.peregrine.common.json.EventCodec;
import dev.peregrine.execution.application.port.in.CancelOrder;
import dev.peregrine.execution.application.port.in.PlaceOrder;
import dev.peregrine.platform.metrics.PipelineStageTimer;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.support.Acknowledgment;
import org.springframework.stereotype.Component;

/**
 * Places an order per intent. A record that does not decode propagates its exception so that the
 * platform dead-letters it; the record is acknowledged only after the order is stored and reported.
 *
 * <p>It does not start with the application: {@link OrderIntentsStarter} starts it once the first reconciliation with
 * the venue is complete, so no new order is sent before Peregrine knows what the venue holds.
 *
 * <p>A placed intent is timed from its record's Kafka timestamp to its order stored and reported (the venue's answer
 * included): the Pipeline dashboard's {@code intent_to_ack} stage. Cancels are not timed.
 */
@Component
class OrderIntentListener {

    private final EventCodec codec;
    private final PlaceOrder placeOrder;
    private final CancelOrder cancelOrder;
    private final PipelineStageTimer intentToAck;

    OrderIntentListener(EventCodec codec, PlaceOrder placeOrder, CancelOrder cancelOrder, MeterRegistry meterRegistry) {
        this.codec = codec;
        this.placeOrder = placeOrder;
        this.cancelOrder = cancelOrder;
        this.intentToAck = PipelineStageTimer.register(meterRegistry, "intent_to_ack");
    }

    static final String LISTENER_ID = "execution-order-intents";

    // idIsGroup false: the consumer group stays spring.kafka.consumer.group-id, as for every other listener.
    @KafkaListener(id = LISTENER_ID, idIsGroup = false, topics = Topics.ORDERS_INTENTS, autoStartup = "false")
    void onIntent(ConsumerRecord<String, String> record, Acknowledgment ack) {
        OrderIntentEvent event = codec.decode(record.value(), OrderIntentEvent.class);
        switch (event) {
            case OrderIntentCreated created -> {
                placeOrder.place(created);
                intentToAck.recordSince(record);
            }
            case OrderCancelRequested cancel -> cancelOrder.cancel(cancel);
        }
        ack.acknowledge();
    }
}
