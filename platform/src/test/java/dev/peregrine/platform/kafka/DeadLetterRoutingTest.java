package dev.peregrine.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.peregrine.common.json.EventDecodingException;
import dev.peregrine.common.json.NewerSchemaVersionException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DefaultErrorHandler;

/** The reason label of a dead letter tells an operator what to do about it. */
class DeadLetterRoutingTest {

    @Test
    void aNewerSchemaIsNotABrokenRecordNorAFailure() {
        assertThat(DeadLetterRouting.reasonOf(new NewerSchemaVersionException("v2", 2, 1, null)))
                .isEqualTo("newer-schema");
        assertThat(DeadLetterRouting.reasonOf(new EventDecodingException("broken", null)))
                .isEqualTo("undecodable");
        assertThat(DeadLetterRouting.reasonOf(new IllegalStateException("database down")))
                .isEqualTo("processing-failed");
        assertThat(DeadLetterRouting.reasonOf(new DataIntegrityViolationException("violates check constraint")))
                .isEqualTo("constraint-violation");
        assertThat(DeadLetterRouting.reasonOf(new DuplicateKeyException("duplicate key")))
                .isEqualTo("processing-failed");
    }

    @Test
    void aRecordTheDatabaseRefusesByAConstraintIsDeadLetteredAtOnceButAKeyClashIsRetried() {
        KafkaTemplate<String, String> template = new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(Map.of()));
        DefaultErrorHandler handler = (DefaultErrorHandler) DeadLetterRouting.errorHandler(
                template,
                new KafkaPlatformProperties(
                        3,
                        (short) 1,
                        Duration.ofSeconds(5),
                        5,
                        Duration.ofMillis(100),
                        Duration.ofSeconds(1),
                        Duration.ofSeconds(5)),
                new SimpleMeterRegistry());

        // removeClassification answers the configured classification: false = not retried, true = retried
        assertThat(handler.removeClassification(DataIntegrityViolationException.class))
                .isFalse();
        assertThat(handler.removeClassification(EventDecodingException.class)).isFalse();
        assertThat(handler.removeClassification(DuplicateKeyException.class)).isTrue();
        assertThat(handler.removeClassification(IllegalStateException.class)).isNull(); // the default: retried
    }
}
