package dev.peregrine.monitor.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.peregrine.common.event.OrderAccepted;
import dev.peregrine.common.event.OrderFilled;
import dev.peregrine.common.event.Reason;
import dev.peregrine.common.event.SignalValidated;
import dev.peregrine.common.event.TradeApproved;
import dev.peregrine.common.value.Money;
import dev.peregrine.common.value.Price;
import dev.peregrine.common.value.Quantity;
import dev.peregrine.common.value.Side;
import dev.peregrine.common.value.Symbol;
import dev.peregrine.monitor.TestEvents;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RecordedStepsTest {

    private static final Instant CLOSE = Instant.parse("2025-03-01T10:15:00Z");
    private static final Instant RECORDED = Instant.parse("2025-03-01T10:15:01Z");

    private final TestEvents events = new TestEvents("BTCUSDT", CLOSE);

    @Test
    void signalKeepsItsChainAndTheTimeSignalServiceProducedIt() {
        SignalValidated event = events.signal(UUID.randomUUID());

        RecordedSignal signal = RecordedSignal.from(event, RECORDED);

        assertThat(signal.signalId()).isEqualTo(event.signalId());
        assertThat(signal.correlationId()).isEqualTo(event.envelope().eventId());
        assertThat(signal.eventTime()).isEqualTo(CLOSE);
        assertThat(signal.processingTime()).isEqualTo(event.envelope().processingTime());
        assertThat(signal.recordedAt()).isEqualTo(RECORDED);
        assertThat(signal.referencePrice()).isEqualTo(Price.of("100.50"));
    }

    @Test
    void approvalHasItsQuantityAndDenialItsReasons() {
        SignalValidated signal = events.signal(UUID.randomUUID());

        RecordedDecision approved = RecordedDecision.from(events.approved(signal, UUID.randomUUID()), RECORDED);
        RecordedDecision denied = RecordedDecision.from(events.denied(signal, UUID.randomUUID()), RECORDED);

        assertThat(approved.outcome()).isEqualTo(DecisionOutcome.APPROVED);
        assertThat(approved.quantity()).contains(Quantity.of("0.5"));
        assertThat(approved.correlationId()).isEqualTo(signal.envelope().correlationId());
        assertThat(denied.outcome()).isEqualTo(DecisionOutcome.DENIED);
        assertThat(denied.quantity()).isEmpty();
        assertThat(denied.reasons()).extracting(Reason::code).containsExactly("DAILY_LOSS_LIMIT");
    }

    @Test
    void decisionRefusesAQuantityThatContradictsItsOutcome() {
        assertThatThrownBy(() -> new RecordedDecision(
                        UUID.randomUUID(),
                        UUID.randomUUID(),
                        "s",
                        Symbol.of("BTCUSDT"),
                        DecisionOutcome.DENIED,
                        Optional.of(Quantity.of("1")),
                        java.util.List.of(),
                        UUID.randomUUID(),
                        RECORDED))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("DENIED");
    }

    @Test
    void fillHasNotionalInQuoteAndItsFee() {
        SignalValidated signal = events.signal(UUID.randomUUID());
        TradeApproved decision = events.approved(signal, UUID.randomUUID());
        OrderAccepted accepted = events.accepted(decision, "order-1", UUID.randomUUID());
        OrderFilled filled = events.filled(accepted, UUID.randomUUID(), Duration.ofMillis(300));

        RecordedExecution fill = RecordedExecution.from(filled, RECORDED);
        RecordedExecution acceptance = RecordedExecution.from(accepted, RECORDED);

        assertThat(fill.type()).isEqualTo(ReportType.FILLED);
        assertThat(fill.eventId()).isEqualTo(filled.envelope().eventId());
        assertThat(fill.correlationId()).isEqualTo(signal.envelope().eventId());
        assertThat(fill.notional()).hasValueSatisfying(n -> assertThat(n).isEqualByComparingTo("50.30"));
        assertThat(fill.fee()).contains(Money.of("0.0503", "USDT"));
        assertThat(acceptance.type()).isEqualTo(ReportType.ACCEPTED);
        assertThat(acceptance.notional()).isEmpty();
    }

    @Test
    void rejectionKeepsItsReasonAndHasNoSize() {
        SignalValidated signal = events.signal(UUID.randomUUID());

        RecordedExecution rejection =
                RecordedExecution.from(events.rejected(signal.envelope(), "order-2", UUID.randomUUID()), RECORDED);

        assertThat(rejection.type()).isEqualTo(ReportType.REJECTED);
        assertThat(rejection.reason()).map(Reason::code).contains("INSUFFICIENT_BALANCE");
        assertThat(rejection.quantity()).isEmpty();
        assertThat(rejection.notional()).isEmpty();
    }

    @Test
    void executionRefusesPartsItsTypeCannotHave() {
        assertThatThrownBy(() -> new RecordedExecution(
                        UUID.randomUUID(),
                        "order-3",
                        ReportType.FILLED,
                        "s",
                        Symbol.of("BTCUSDT"),
                        Side.BUY,
                        Optional.of(Quantity.of("1")),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        UUID.randomUUID(),
                        RECORDED,
                        RECORDED))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("FILLED report of order order-3");
    }

    @Test
    void latencyIsTheDifferenceOfProcessingTimesAndNeverNegative() {
        Instant signal = Instant.parse("2025-03-01T10:15:00.020Z");

        assertThat(SignalToFillLatency.between(signal, signal.plusMillis(350))).contains(Duration.ofMillis(350));
        assertThat(SignalToFillLatency.between(signal, signal)).contains(Duration.ZERO);
        assertThat(SignalToFillLatency.between(signal, signal.minusMillis(1))).isEmpty();
    }

    @Test
    void notionalKeepsDecimalPrecision() {
        RecordedExecution fill = new RecordedExecution(
                UUID.randomUUID(),
                "order-4",
                ReportType.FILLED,
                "s",
                Symbol.of("BTCUSDT"),
                Side.SELL,
                Optional.of(Quantity.of("0.1")),
                Optional.of(Price.of("0.2")),
                Optional.of(Money.of("0", "BNB")),
                Optional.empty(),
                UUID.randomUUID(),
                RECORDED,
                RECORDED);

        assertThat(fill.notional()).contains(new BigDecimal("0.02"));
    }
}
