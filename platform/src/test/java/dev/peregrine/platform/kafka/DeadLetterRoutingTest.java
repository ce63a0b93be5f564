package dev.peregrine.platform.kafka;

import dev.peregrine.common.json.EventDecodingException;
import dev.peregrine.common.json.NewerSchemaVersionException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The reason label of a dead letter tells an operator what to do about it. */
class DeadLetterRoutingTest {

    @Test
    void aNewerSchemaIsNotABrokenRecordNorAFailure() {
        assertThat(DeadLetterRouting.reasonOf(new NewerSchemaVersionException("v2", 2, 1, null))).isEqualTo("newer-schema");
        assertThat(DeadLetterRouting.reasonOf(new EventDecodingException("broken", null))).isEqualTo("undecodable");
        assertThat(DeadLetterRouting.reasonOf(new IllegalStateException("database down"))).isEqualTo("processing-failed");
    }
}
