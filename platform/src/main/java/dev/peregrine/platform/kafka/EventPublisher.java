package dev.peregrine.platform.kafka;

import dev.peregrine.common.event.PeregrineEvent;
import dev.peregrine.common.json.EventCodec;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.kafka.core.KafkaTemplate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Publishes events and waits for the broker's acknowledgement ({@code acks=all}, idempotent producer).
 * Waiting is what lets a service acknowledge its input only after its output is safe: at-least-once
 * end to end, made effectively-once by consumers that deduplicate on business ids.
 */
public class EventPublisher {

    private final KafkaTemplate<String, String> kafkaTemplate;
    private final EventCodec codec;
    private final Duration sendTimeout;
    private final MeterRegistry meterRegistry;

    public EventPublisher(KafkaTemplate<String, String> kafkaTemplate, EventCodec codec, Duration sendTimeout,
                          MeterRegistry meterRegistry) {
        this.kafkaTemplate = kafkaTemplate;
        this.codec = codec;
        this.sendTimeout = sendTimeout;
        this.meterRegistry = meterRegistry;
    }

    public void publish(String topic, PeregrineEvent event) {
        publishAll(topic, List.of(event));
    }

    /**
     * Publishes a batch and waits once for all acknowledgements: the records travel together, in as few
     * produce requests as {@code batch.size} allows, instead of one round trip each. The idempotent producer keeps them in order per key; if any send fails the
     * whole call fails, and the caller re-publishes the batch (consumers deduplicate).
     */
    public void publishAll(String topic, List<? extends PeregrineEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        long started = System.nanoTime();
        List<CompletableFuture<?>> sends = new ArrayList<>(events.size());
        for (PeregrineEvent event : events) {
            sends.add(kafkaTemplate.send(new ProducerRecord<>(topic, event.key(), codec.encode(event))));
        }
        // The records wait for linger.ms while more are appended, so that they travel in few large requests; the
        // flush sends them now, since the caller waits for their acknowledgement anyway.
        kafkaTemplate.flush();
        try {
            CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new))
                    .get(sendTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PublishFailedException("interrupted while publishing to " + topic, e);
        } catch (ExecutionException | TimeoutException e) {
            Counter.builder("peregrine.kafka.publish.failures").tag("topic", topic)
                    .description("Publish calls the broker did not acknowledge").register(meterRegistry).increment();
            throw new PublishFailedException("publishing " + events.size() + " "
                    + events.getFirst().getClass().getSimpleName() + " to " + topic + " failed: " + e.getMessage(), e);
        }
        Timer.builder("peregrine.kafka.publish.latency").tag("topic", topic)
                .description("Time from send to broker acknowledgement of a publish call").publishPercentileHistogram()
                .register(meterRegistry).record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        Counter.builder("peregrine.kafka.published").tag("topic", topic)
                .description("Events published and acknowledged by the broker").register(meterRegistry)
                .increment(events.size());
    }
}
