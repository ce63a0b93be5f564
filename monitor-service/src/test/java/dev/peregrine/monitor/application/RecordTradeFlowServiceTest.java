package dev.peregrine.monitor.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.peregrine.common.event.Envelope;
import dev.peregrine.common.event.OrderAccepted;
import dev.peregrine.common.event.OrderFilled;
import dev.peregrine.common.event.SignalValidated;
import dev.peregrine.common.event.TradeApproved;
import dev.peregrine.monitor.TestEvents;
import dev.peregrine.monitor.application.port.in.Recording;
import dev.peregrine.monitor.domain.DecisionOutcome;
import dev.peregrine.monitor.domain.ReportType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RecordTradeFlowServiceTest {

    private static final Instant CLOSE = Instant.parse("2025-03-01T10:15:00Z");
    private static final Instant NOW = Instant.parse("2025-03-01T10:15:02Z");

    private final InMemoryTradeFlowStore store = new InMemoryTradeFlowStore();
    private final CountingMetrics metrics = new CountingMetrics();
    private final RecordTradeFlowService recordTradeFlow =
            new RecordTradeFlowService(store, metrics, Clock.fixed(NOW, ZoneOffset.UTC));
    private final TestEvents events = new TestEvents("SOLUSDT", CLOSE);

    @Test
    void recordsAndCountsAWholeChainOnce() {
        SignalValidated signal = events.signal(UUID.randomUUID());
        TradeApproved decision = events.approved(signal, UUID.randomUUID());
        OrderAccepted accepted = events.accepted(decision, "order-1", UUID.randomUUID());
        OrderFilled filled = events.filled(accepted, UUID.randomUUID(), Duration.ofMillis(250));

        assertThat(recordTradeFlow.recordSignal(signal)).isEqualTo(Recording.NEW);
        assertThat(recordTradeFlow.recordDecision(decision)).isEqualTo(Recording.NEW);
        assertThat(recordTradeFlow.recordExecution(accepted)).isEqualTo(Recording.NEW);
        assertThat(recordTradeFlow.recordExecution(filled)).isEqualTo(Recording.NEW);

        assertThat(store.signals).hasSize(1);
        assertThat(store.decisions.values())
                .singleElement()
                .satisfies(d -> assertThat(d.outcome()).isEqualTo(DecisionOutcome.APPROVED));
        assertThat(store.executions.values())
                .extracting(e -> e.type())
                .containsExactly(ReportType.ACCEPTED, ReportType.FILLED);
        assertThat(store.signals.values())
                .singleElement()
                .satisfies(s -> assertThat(s.recordedAt()).isEqualTo(NOW));
        assertThat(metrics.signals).hasSize(1);
        assertThat(metrics.decisions).hasSize(1);
        assertThat(metrics.executions).hasSize(2);
        assertThat(metrics.latencies).containsExactly(Duration.ofMillis(250));
    }

    @Test
    void redeliveriesAreNeitherStoredNorCountedAgain() {
        SignalValidated signal = events.signal(UUID.randomUUID());
        TradeApproved decision = events.approved(signal, UUID.randomUUID());
        OrderAccepted accepted = events.accepted(decision, "order-1", UUID.randomUUID());
        OrderFilled filled = events.filled(accepted, UUID.randomUUID(), Duration.ofMillis(250));
        recordTradeFlow.recordSignal(signal);
        recordTradeFlow.recordDecision(decision);
        recordTradeFlow.recordExecution(accepted);
        recordTradeFlow.recordExecution(filled);

        assertThat(recordTradeFlow.recordSignal(signal)).isEqualTo(Recording.DUPLICATE);
        assertThat(recordTradeFlow.recordDecision(decision)).isEqualTo(Recording.DUPLICATE);
        assertThat(recordTradeFlow.recordExecution(accepted)).isEqualTo(Recording.DUPLICATE);
        assertThat(recordTradeFlow.recordExecution(filled)).isEqualTo(Recording.DUPLICATE);

        assertThat(store.signals).hasSize(1);
        assertThat(store.decisions).hasSize(1);
        assertThat(store.executions).hasSize(2);
        assertThat(metrics.signals).hasSize(1);
        assertThat(metrics.decisions).hasSize(1);
        assertThat(metrics.executions).hasSize(2);
        assertThat(metrics.latencies).hasSize(1);
    }

    @Test
    void aFillRepublishedUnderANewEventIdIsADuplicate() {
        SignalValidated signal = events.signal(UUID.randomUUID());
        OrderAccepted accepted =
                events.accepted(events.approved(signal, UUID.randomUUID()), "order-7", UUID.randomUUID());
        recordTradeFlow.recordExecution(events.filled(accepted, UUID.randomUUID(), Duration.ofMillis(100)));

        Recording again =
                recordTradeFlow.recordExecution(events.filled(accepted, UUID.randomUUID(), Duration.ofMillis(100)));

        assertThat(again).isEqualTo(Recording.DUPLICATE);
        assertThat(store.executions).hasSize(1);
        assertThat(metrics.executions).hasSize(1);
    }

    @Test
    void aDeniedTradeIsCountedAsDenied() {
        SignalValidated signal = events.signal(UUID.randomUUID());

        recordTradeFlow.recordDecision(events.denied(signal, UUID.randomUUID()));

        assertThat(metrics.decisions)
                .singleElement()
                .satisfies(d -> assertThat(d.outcome()).isEqualTo(DecisionOutcome.DENIED));
    }

    @Test
    void aFillWhoseSignalIsNotRecordedHasNoLatency() {
        SignalValidated signal = events.signal(UUID.randomUUID());
        OrderAccepted accepted =
                events.accepted(events.approved(signal, UUID.randomUUID()), "order-2", UUID.randomUUID());

        recordTradeFlow.recordExecution(events.filled(accepted, UUID.randomUUID(), Duration.ofMillis(100)));

        assertThat(metrics.executions).hasSize(1);
        assertThat(metrics.latencies).isEmpty();
    }

    @Test
    void aFillStampedBeforeItsSignalHasNoLatency() {
        SignalValidated signal = events.signal(UUID.randomUUID());
        OrderAccepted accepted =
                events.accepted(events.approved(signal, UUID.randomUUID()), "order-3", UUID.randomUUID());
        recordTradeFlow.recordSignal(signal);

        recordTradeFlow.recordExecution(events.filled(accepted, UUID.randomUUID(), Duration.ofMillis(-5)));

        assertThat(metrics.latencies).isEmpty();
    }

    @Test
    void latencyComesFromTheSignalOfTheSameChainOnly() {
        SignalValidated signal = events.signal(UUID.randomUUID());
        recordTradeFlow.recordSignal(signal);
        SignalValidated otherChain = events.signal(UUID.randomUUID());
        OrderAccepted accepted =
                events.accepted(events.approved(otherChain, UUID.randomUUID()), "order-4", UUID.randomUUID());

        recordTradeFlow.recordExecution(events.filled(accepted, UUID.randomUUID(), Duration.ofMillis(100)));

        assertThat(accepted.envelope().correlationId())
                .isNotEqualTo(signal.envelope().correlationId());
        assertThat(metrics.latencies).isEmpty();
    }

    @Test
    void aRejectionIsRecordedWithoutLatency() {
        SignalValidated signal = events.signal(UUID.randomUUID());
        recordTradeFlow.recordSignal(signal);
        Envelope cause = signal.envelope();

        assertThat(recordTradeFlow.recordExecution(events.rejected(cause, "order-5", UUID.randomUUID())))
                .isEqualTo(Recording.NEW);

        assertThat(metrics.executions)
                .singleElement()
                .satisfies(e -> assertThat(e.type()).isEqualTo(ReportType.REJECTED));
        assertThat(metrics.latencies).isEmpty();
    }
}
