package dev.peregrine.monitor.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.peregrine.common.event.OrderAccepted;
import dev.peregrine.common.event.SignalValidated;
import dev.peregrine.common.event.TradeApproved;
import dev.peregrine.monitor.TestEvents;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TradeFlowTest {

    private static final Instant CLOSE = Instant.parse("2025-03-01T10:15:00Z");
    private static final Instant RECORDED = Instant.parse("2025-03-01T10:15:01Z");

    private final TestEvents events = new TestEvents("ETHUSDT", CLOSE);

    @Test
    void sortsEachKindOfStepIntoItsListWithReportsInTheOrderTheyWereProduced() {
        SignalValidated signalEvent = events.signal(UUID.randomUUID());
        TradeApproved decisionEvent = events.approved(signalEvent, UUID.randomUUID());
        OrderAccepted acceptedEvent = events.accepted(decisionEvent, "order-1", UUID.randomUUID());
        RecordedSignal signal = RecordedSignal.from(signalEvent, RECORDED);
        RecordedDecision decision = RecordedDecision.from(decisionEvent, RECORDED);
        RecordedExecution accepted = RecordedExecution.from(acceptedEvent, RECORDED);
        RecordedExecution filled = RecordedExecution.from(
                events.filled(acceptedEvent, UUID.randomUUID(), Duration.ofMillis(400)), RECORDED);
        UUID correlationId = signalEvent.envelope().correlationId();

        TradeFlow flow = TradeFlow.of(correlationId, List.of(filled, decision, accepted, signal));

        assertThat(flow.correlationId()).isEqualTo(correlationId);
        assertThat(flow.signals()).containsExactly(signal);
        assertThat(flow.decisions()).containsExactly(decision);
        assertThat(flow.executions()).containsExactly(accepted, filled);
        assertThat(flow.isEmpty()).isFalse();
    }

    @Test
    void nothingRecordedIsAnEmptyFlow() {
        assertThat(TradeFlow.of(UUID.randomUUID(), List.of()).isEmpty()).isTrue();
    }

    @Test
    void refusesAStepOfAnotherChain() {
        RecordedSignal signal = RecordedSignal.from(events.signal(UUID.randomUUID()), RECORDED);

        assertThatThrownBy(() -> TradeFlow.of(UUID.randomUUID(), List.of(signal)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("does not belong");
    }
}
