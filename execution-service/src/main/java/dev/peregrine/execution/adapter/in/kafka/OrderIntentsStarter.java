package dev.peregrine.execution.adapter.in.kafka;

import dev.peregrine.execution.application.VenueGate;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.stereotype.Component;

/** Starts consuming order intents once the {@link VenueGate} is open (after the first complete reconciliation). */
@Component
public class OrderIntentsStarter {

    private static final Logger log = LoggerFactory.getLogger(OrderIntentsStarter.class);

    private final KafkaListenerEndpointRegistry registry;
    private final VenueGate gate;

    OrderIntentsStarter(KafkaListenerEndpointRegistry registry, VenueGate gate) {
        this.registry = registry;
        this.gate = gate;
    }

    /** Starts the intent listener if the gate is open and it is not running yet; safe to call after every round. */
    public void startIfOpen() {
        if (!gate.isOpen()) {
            return;
        }
        MessageListenerContainer container = Objects.requireNonNull(
                registry.getListenerContainer(OrderIntentListener.LISTENER_ID), "the order intent listener");
        if (!container.isRunning()) {
            container.start();
            log.info("Reconciled with the venue: consuming order intents");
        }
    }
}
