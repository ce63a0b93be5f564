package dev.peregrine.monitor.adapter.out.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.peregrine.common.event.OrderAccepted;
import dev.peregrine.common.event.SignalValidated;
import dev.peregrine.common.event.TradeApproved;
import dev.peregrine.monitor.MonitorServiceApplication;
import dev.peregrine.monitor.TestEvents;
import dev.peregrine.monitor.domain.RecordedDecision;
import dev.peregrine.monitor.domain.RecordedExecution;
import dev.peregrine.monitor.domain.RecordedSignal;
import dev.peregrine.testkit.PeregrineIntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** Every kind of step survives a round trip through PostgreSQL unchanged, and is stored once only. */
@PeregrineIntegrationTest
@SpringBootTest(
        classes = MonitorServiceApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=peregrine-defaults,monitor-service", "management.server.port=0"})
class JdbcTradeFlowStoreIT {

    // Millisecond times: PostgreSQL keeps microseconds, so these compare equal after the round trip.
    private static final Instant RECORDED = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    @Autowired
    JdbcTradeFlowStore store;

    @Test
    void storesEachKindOfStepOnceAndReadsItBackUnchanged() {
        TestEvents events = new TestEvents("STOREUSDT", RECORDED.minusSeconds(60));
        SignalValidated signalEvent = events.signal(UUID.randomUUID());
        UUID correlationId = signalEvent.envelope().correlationId();
        RecordedSignal signal = RecordedSignal.from(signalEvent, RECORDED);
        TradeApproved approvedEvent = events.approved(signalEvent, UUID.randomUUID());
        RecordedDecision approved = RecordedDecision.from(approvedEvent, RECORDED);
        // Another candle: a second signal of the same candle and strategy would share the signal (and decision) id.
        TestEvents nextCandle = new TestEvents("STOREUSDT", RECORDED.minusSeconds(30));
        RecordedDecision denied = RecordedDecision.from(
                nextCandle.denied(nextCandle.signal(UUID.randomUUID()), UUID.randomUUID()), RECORDED);
        OrderAccepted acceptedEvent = events.accepted(approvedEvent, "store-" + UUID.randomUUID(), UUID.randomUUID());
        RecordedExecution accepted = RecordedExecution.from(acceptedEvent, RECORDED);
        RecordedExecution filled = RecordedExecution.from(
                events.filled(acceptedEvent, UUID.randomUUID(), Duration.ofMillis(150)), RECORDED);
        RecordedExecution rejected = RecordedExecution.from(
                events.rejected(approvedEvent.envelope(), "store-" + UUID.randomUUID(), UUID.randomUUID()), RECORDED);

        assertThat(store.saveSignal(signal)).isTrue();
        assertThat(store.saveDecision(approved)).isTrue();
        assertThat(store.saveDecision(denied)).isTrue();
        assertThat(store.saveExecution(accepted)).isTrue();
        assertThat(store.saveExecution(filled)).isTrue();
        assertThat(store.saveExecution(rejected)).isTrue();

        assertThat(store.saveSignal(signal)).isFalse();
        assertThat(store.saveDecision(approved)).isFalse();
        assertThat(store.saveExecution(filled)).isFalse();
        RecordedExecution republished = RecordedExecution.from(
                events.filled(acceptedEvent, UUID.randomUUID(), Duration.ofMillis(150)), RECORDED);
        assertThat(store.saveExecution(republished)).isFalse();

        assertThat(store.findByCorrelationId(correlationId))
                .containsExactlyInAnyOrder(signal, approved, accepted, filled, rejected);
        assertThat(store.findByCorrelationId(denied.correlationId())).containsExactly(denied);
        assertThat(store.signalProcessingTime(correlationId, TestEvents.STRATEGY, events.symbol()))
                .contains(signal.processingTime());
        assertThat(store.signalProcessingTime(correlationId, "another-strategy", events.symbol()))
                .isEmpty();
    }

    @Test
    void recentSignalsAreNewestFirstPerStrategy() {
        String strategy = "recent-" + UUID.randomUUID();
        Instant close = RECORDED.minusSeconds(3600);
        for (int i = 0; i < 3; i++) {
            SignalValidated event = new TestEvents("RECENTUSDT", close.plusSeconds(900L * i)).signal(UUID.randomUUID());
            RecordedSignal signal = RecordedSignal.from(event, RECORDED);
            store.saveSignal(new RecordedSignal(
                    signal.signalId(),
                    strategy,
                    signal.symbol(),
                    signal.interval(),
                    signal.side(),
                    signal.strength(),
                    signal.grade(),
                    signal.confidence(),
                    signal.action(),
                    signal.tradeable(),
                    signal.referencePrice(),
                    signal.correlationId(),
                    signal.eventTime(),
                    signal.processingTime(),
                    signal.recordedAt()));
        }

        assertThat(store.recentSignals(Optional.of(strategy), 2))
                .extracting(RecordedSignal::eventTime)
                .containsExactly(close.plusSeconds(1800), close.plusSeconds(900));
        assertThat(store.recentSignals(Optional.empty(), 1000))
                .extracting(RecordedSignal::strategyId)
                .contains(strategy);
    }
}
