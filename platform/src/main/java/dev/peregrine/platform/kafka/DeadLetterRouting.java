package dev.peregrine.platform.kafka;

import dev.peregrine.common.Topics;
import dev.peregrine.common.json.EventDecodingException;
import dev.peregrine.common.json.NewerSchemaVersionException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * What happens to a record a listener throws on. A record that cannot be decoded (malformed JSON, a value
 * that breaks the contract) goes straight to {@code <topic>.dlt}: retrying cannot fix it. So does one the database
 * refuses by a constraint (a value the schema forbids): the same row is refused every time, and retries would only
 * stall its partition. A unique-key clash is the exception, retried: it can be a race another writer has just won.
 * Any other failure (database or broker briefly away) is retried with exponential back-off and dead-lettered only
 * after the configured attempts. Either way the reason is logged, counted ({@code reason} {@code newer-schema},
 * {@code undecodable}, {@code constraint-violation} or {@code processing-failed}) and carried in the dead letter's
 * headers, and the consumer moves on.
 */
public final class DeadLetterRouting {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterRouting.class);

    private DeadLetterRouting() {}

    public static CommonErrorHandler errorHandler(
            KafkaTemplate<String, String> kafkaTemplate,
            KafkaPlatformProperties properties,
            MeterRegistry meterRegistry) {
        DeadLetterPublishingRecoverer publisher = new DeadLetterPublishingRecoverer(
                kafkaTemplate, (record, exception) -> new TopicPartition(Topics.deadLetterOf(record.topic()), -1));
        ExponentialBackOff backOff =
                new ExponentialBackOff(properties.retryInitialDelay().toMillis(), 2.0);
        backOff.setMaxInterval(properties.retryMaxDelay().toMillis());
        backOff.setMaxAttempts(properties.retryAttempts());
        DefaultErrorHandler handler = new DefaultErrorHandler(
                (record, exception) -> {
                    Throwable cause = unwrap(exception);
                    String reason = reasonOf(cause);
                    log.warn(
                            "Dead-lettering record {}-{}@{} (key {}): {}: {}",
                            record.topic(),
                            record.partition(),
                            record.offset(),
                            record.key(),
                            reason,
                            cause.getMessage());
                    Counter.builder("peregrine.kafka.dead.letters")
                            .tag("topic", record.topic())
                            .tag("reason", reason)
                            .description("Records sent to a dead-letter topic instead of being processed")
                            .register(meterRegistry)
                            .increment();
                    publisher.accept(record, exception);
                },
                backOff);
        handler.addNotRetryableExceptions(
                EventDecodingException.class, IllegalArgumentException.class, DataIntegrityViolationException.class);
        handler.addRetryableExceptions(DuplicateKeyException.class);
        // Keep the rest of the poll in memory instead of seeking back to the failed record: a seek discards the
        // consumer's prefetched records and its next fetch waits out the one in flight (up to fetch.max.wait.ms), so
        // a run of broken records was dead-lettered at about two a second. Retries still happen in place, in order.
        handler.setSeekAfterError(false);
        return handler;
    }

    /**
     * The {@code reason} label: {@code newer-schema} (the consumer must be upgraded, then the record re-driven),
     * {@code undecodable} (the record is broken), {@code constraint-violation} (it decodes, but the database refuses
     * what it carries) or {@code processing-failed} (retried, then given up).
     */
    static String reasonOf(Throwable cause) {
        if (cause instanceof NewerSchemaVersionException) {
            return "newer-schema";
        }
        if (cause instanceof DataIntegrityViolationException && !(cause instanceof DuplicateKeyException)) {
            return "constraint-violation";
        }
        return cause instanceof EventDecodingException ? "undecodable" : "processing-failed";
    }

    private static Throwable unwrap(Throwable exception) {
        Throwable current = exception;
        while (current instanceof ListenerExecutionFailedException && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }

    /** Reads the decoded reason a dead letter carries, for tests and tools. */
    public static String describe(ConsumerRecord<?, ?> deadLetter) {
        var header = deadLetter.headers().lastHeader("kafka_dlt-exception-message");
        return header == null ? "" : new String(header.value(), java.nio.charset.StandardCharsets.UTF_8);
    }
}
