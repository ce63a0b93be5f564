package dev.peregrine.common.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EnvelopeTest {

    private static final UUID CANDLE_ID = UUID.fromString("018b37c4-66f4-7a10-8c41-0d5e2f6a7b01");
    private static final UUID SIGNAL_ID = UUID.fromString("018b37c4-6851-7c33-a2f4-5a6b7c8d9e03");
    private static final UUID DECISION_ID = UUID.fromString("018b37c4-6895-7d44-b3a5-6b7c8d9eaf05");
    private static final Instant CLOSE = Instant.parse("2023-10-16T09:14:59.999Z");
    private static final Instant PROCESSED = Instant.parse("2023-10-16T09:15:00.212Z");

    @Test
    void rootIsItsOwnCorrelationAndCause() {
        Envelope root = Envelope.root(CANDLE_ID, CLOSE, PROCESSED);

        assertThat(root.eventId()).isEqualTo(CANDLE_ID);
        assertThat(root.correlationId()).isEqualTo(CANDLE_ID);
        assertThat(root.causationId()).isEqualTo(CANDLE_ID);
        assertThat(root.schemaVersion())
                .isEqualTo(Envelope.CURRENT_SCHEMA_VERSION)
                .isEqualTo(1);
        assertThat(root.eventTime()).isEqualTo(CLOSE);
        assertThat(root.processingTime()).isEqualTo(PROCESSED);
    }

    @Test
    void causedByKeepsTheCorrelationAndPointsAtTheCause() {
        Envelope candle = Envelope.root(CANDLE_ID, CLOSE, PROCESSED);
        Envelope signal = Envelope.causedBy(candle, SIGNAL_ID, CLOSE, PROCESSED.plusMillis(349));
        Envelope decision = Envelope.causedBy(signal, DECISION_ID, CLOSE, PROCESSED.plusMillis(417));

        assertThat(signal.eventId()).isEqualTo(SIGNAL_ID);
        assertThat(signal.correlationId()).isEqualTo(CANDLE_ID);
        assertThat(signal.causationId()).isEqualTo(CANDLE_ID);

        assertThat(decision.eventId()).isEqualTo(DECISION_ID);
        assertThat(decision.correlationId())
                .as("correlation stays the candle's along the chain")
                .isEqualTo(CANDLE_ID);
        assertThat(decision.causationId()).as("cause is the direct predecessor").isEqualTo(SIGNAL_ID);
        assertThat(decision.processingTime()).isEqualTo(PROCESSED.plusMillis(417));
    }

    @Test
    void causedByUsesTheCurrentSchemaVersionEvenForAnOlderCause() {
        Envelope old = new Envelope(CANDLE_ID, 1, CLOSE, PROCESSED, CANDLE_ID, CANDLE_ID);

        assertThat(Envelope.causedBy(old, SIGNAL_ID, CLOSE, PROCESSED).schemaVersion())
                .isEqualTo(Envelope.CURRENT_SCHEMA_VERSION);
    }

    @Test
    void rejectsSchemaVersionBelowOne() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new Envelope(CANDLE_ID, 0, CLOSE, PROCESSED, CANDLE_ID, CANDLE_ID))
                .withMessage("schemaVersion must be >= 1: 0");
    }

    @Test
    void rejectsMissingIdsAndTimes() {
        assertThatNullPointerException()
                .isThrownBy(() -> Envelope.root(null, CLOSE, PROCESSED))
                .withMessage("eventId");
        assertThatNullPointerException()
                .isThrownBy(() -> Envelope.root(CANDLE_ID, null, PROCESSED))
                .withMessage("eventTime");
        assertThatNullPointerException()
                .isThrownBy(() -> Envelope.root(CANDLE_ID, CLOSE, null))
                .withMessage("processingTime");
        assertThatNullPointerException()
                .isThrownBy(() -> new Envelope(CANDLE_ID, 1, CLOSE, PROCESSED, null, CANDLE_ID))
                .withMessage("correlationId");
    }
}
