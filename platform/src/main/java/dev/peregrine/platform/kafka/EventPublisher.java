package dev.peregrine.platform.kafka;

import dev.peregrine.common.event.PeregrineEvent;
import dev.peregrine.common.json.EventCodec;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.kafka.core.KafkaTemplate;

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

    public EventPublisher(
            KafkaTemplate<String, String> kafkaTemplate,
            EventCodec codec,
            Duration sendTimeout,
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
     * Publishes a batch and waits once for all acknowledgements: the records travel together, in as few produce
     * requests as {@code batch.size} allows, instead of one round trip each. The idempotent producer keeps them in
     * order per key; if any send fails the whole call fails, and the caller re-publishes the batch (consumers
     * deduplicate).
     */
    public void publishAll(String topic, List<? extends PeregrineEvent> events) {
        awaitTogether(sendAll(topic, events));
    }

    /**
     * Sends what {@link #sendAll} handed over now and waits for all of it: batches for several topics (a decision and
     * the intent it made) then cost one flush and one wait instead of one each. If any fails, this throws after the
     * earlier ones were acknowledged, so the caller re-publishes them all (consumers deduplicate).
     */
    public void awaitTogether(Sending... sendings) {
        // The records wait for linger.ms while more are appended, so that they travel in few large requests; the
        // flush sends them now, since the caller waits for their acknowledgement anyway.
        kafkaTemplate.flush();
        for (Sending sending : sendings) {
            sending.await();
        }
    }

    /**
     * Hands a batch to the producer and returns without waiting: its records leave when they fill a batch or
     * {@code linger.ms} after the first, and {@link Sending#await()} waits for their acknowledgement. A caller can so
     * encode its next batch while this one travels. A later batch of the same key is never written before an
     * earlier one that failed (idempotent producer), so a caller that stops at the first failure keeps the order.
     */
    public Sending sendAll(String topic, List<? extends PeregrineEvent> events) {
        if (events.isEmpty()) {
            return new Sending(topic, 0, "", null, System.nanoTime());
        }
        long started = System.nanoTime();
        CompletableFuture<?>[] sends = new CompletableFuture<?>[events.size()];
        for (int i = 0; i < sends.length; i++) {
            PeregrineEvent event = events.get(i);
            sends[i] = kafkaTemplate.send(new ProducerRecord<>(topic, event.key(), codec.encode(event)));
        }
        return new Sending(
                topic,
                events.size(),
                events.getFirst().getClass().getSimpleName(),
                CompletableFuture.allOf(sends),
                started);
    }

    /** A batch handed to the producer; {@link #await()} waits for the broker's acknowledgement of all of it. */
    public final class Sending {

        private final String topic;
        private final int count;
        private final String type;
        private final CompletableFuture<Void> all;
        private final long started;

        private Sending(String topic, int count, String type, CompletableFuture<Void> all, long started) {
            this.topic = topic;
            this.count = count;
            this.type = type;
            this.all = all;
            this.started = started;
        }

        /**
         * Returns once the broker acknowledged every record, within the send timeout counted from the send; throws
         * {@link PublishFailedException} otherwise, and then any of the records may or may not have been written.
         */
        public void await() {
            if (all == null) {
                return;
            }
            long left = sendTimeout.toNanos() - (System.nanoTime() - started);
            try {
                all.get(Math.max(0, left), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new PublishFailedException("interrupted while publishing to " + topic, e);
            } catch (ExecutionException | TimeoutException e) {
                Counter.builder("peregrine.kafka.publish.failures")
                        .tag("topic", topic)
                        .description("Publish calls the broker did not acknowledge")
                        .register(meterRegistry)
                        .increment();
                throw new PublishFailedException(
                        "publishing " + count + " " + type + " to " + topic + " failed: " + e.getMessage(), e);
            }
            Timer.builder("peregrine.kafka.publish.latency")
                    .tag("topic", topic)
                    .description("Time from send to broker acknowledgement of a publish call")
                    .publishPercentileHistogram()
                    .register(meterRegistry)
                    .record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
            Counter.builder("peregrine.kafka.published")
                    .tag("topic", topic)
                    .description("Events published and acknowledged by the broker")
                    .register(meterRegistry)
                    .increment(count);
        }
    }
}
