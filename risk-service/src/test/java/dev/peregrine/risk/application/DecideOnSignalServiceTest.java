package dev.peregrine.risk.application;

import dev.peregrine.common.event.Envelope;
import dev.peregrine.common.event.Grade;
import dev.peregrine.common.event.OrderIntentCreated;
import dev.peregrine.common.event.OrderType;
import dev.peregrine.common.event.PeregrineEvent;
import dev.peregrine.common.event.Reason;
import dev.peregrine.common.event.RecommendedAction;
import dev.peregrine.common.event.RiskDecisionEvent;
import dev.peregrine.common.event.SignalValidated;
import dev.peregrine.common.event.TradeApproved;
import dev.peregrine.common.event.TradeDenied;
import dev.peregrine.common.id.DerivedIds;
import dev.peregrine.common.value.Interval;
import dev.peregrine.common.value.Money;
import dev.peregrine.common.value.Price;
import dev.peregrine.common.value.Quantity;
import dev.peregrine.common.value.Side;
import dev.peregrine.common.value.Symbol;
import dev.peregrine.risk.application.port.out.DecisionStore;
import dev.peregrine.risk.application.port.out.RiskEvents;
import dev.peregrine.risk.application.port.out.RiskMetrics;
import dev.peregrine.risk.domain.InstrumentFilters;
import dev.peregrine.risk.domain.OrderIntent;
import dev.peregrine.risk.domain.Outcome;
import dev.peregrine.risk.domain.PositionSizer;
import dev.peregrine.risk.domain.ReasonCodes;
import dev.peregrine.risk.domain.RecordedDecision;
import dev.peregrine.risk.domain.RiskLimits;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

class DecideOnSignalServiceTest {

    private static final Instant NOW = Instant.parse("2024-03-01T12:00:01Z");
    private static final Instant CANDLE_CLOSE = Instant.parse("2024-03-01T11:59:59.999Z");
    private static final Symbol SYMBOL = Symbol.of("BTCUSDT");

    private final InMemoryDecisionStore store = new InMemoryDecisionStore();
    private final RecordingEvents events = new RecordingEvents();
    private final RecordingMetrics metrics = new RecordingMetrics();
    private final AtomicReference<Money> equity = new AtomicReference<>(Money.of("10000", "USDT"));
    private final AtomicLong ids = new AtomicLong();
    private final DecideOnSignalService service = new DecideOnSignalService(
            new PositionSizer(new RiskLimits(new BigDecimal("0.01"), new BigDecimal("0.25"))),
            equity::get,
            symbol -> new InstrumentFilters(new BigDecimal("0.001"), new BigDecimal("10"), new BigDecimal("0.001")),
            store, events, metrics, Clock.fixed(NOW, ZoneOffset.UTC), () -> new UUID(0x7000L, ids.incrementAndGet()));

    @Test
    void approvalIsStoredAndAnnouncedWithItsOrderIntentInTheSameChain() {
        SignalValidated signal = signal(RecommendedAction.TRADE, true);

        RecordedDecision decision = service.decide(signal);

        UUID decisionId = DerivedIds.from("decision", signal.signalId());
        assertThat(decision.decisionId()).isEqualTo(decisionId);
        assertThat(decision.outcome()).isEqualTo(Outcome.APPROVED);
        // 10000 x 0.01 x 0.6 x 0.5 = 30 over 89 -> 0.337
        assertThat(decision.quantity().value()).isEqualTo(new BigDecimal("0.337"));
        assertThat(decision.correlationId()).isEqualTo(signal.envelope().correlationId());
        assertThat(decision.causationId()).isEqualTo(signal.envelope().eventId());
        assertThat(decision.decidedAt()).isEqualTo(NOW);
        assertThat(store.decisions).containsOnlyKeys(signal.signalId());

        UUID intentId = DerivedIds.from("intent", decisionId);
        assertThat(store.intents).containsOnlyKeys(intentId);
        OrderIntent intent = store.intents.get(intentId);
        assertThat(intent.clientOrderId()).isEqualTo("pg-" + intentId.toString().replace("-", "")).hasSize(35);
        assertThat(intent.quantity()).isEqualTo(decision.quantity());
        assertThat(intent.notBefore()).isEqualTo(CANDLE_CLOSE);

        assertThat(events.published).hasSize(2);
        TradeApproved approved = (TradeApproved) events.published.get(0);
        assertThat(approved.decisionId()).isEqualTo(decisionId);
        assertThat(approved.quantity()).isEqualTo(Quantity.of("0.337"));
        assertThat(approved.riskAmount()).isEqualTo(new Money(new BigDecimal("29.993"), "USDT"));
        assertThat(approved.envelope().correlationId()).isEqualTo(signal.envelope().correlationId());
        assertThat(approved.envelope().causationId()).isEqualTo(signal.envelope().eventId());
        assertThat(approved.envelope().eventTime()).isEqualTo(signal.envelope().eventTime());
        assertThat(approved.envelope().processingTime()).isEqualTo(NOW);

        OrderIntentCreated created = (OrderIntentCreated) events.published.get(1);
        assertThat(created.intentId()).isEqualTo(intentId);
        assertThat(created.clientOrderId()).isEqualTo(intent.clientOrderId());
        assertThat(created.decisionId()).isEqualTo(decisionId);
        assertThat(created.signalId()).isEqualTo(signal.signalId());
        assertThat(created.orderType()).isEqualTo(OrderType.MARKET);
        assertThat(created.limitPrice()).isNull();
        assertThat(created.notBefore()).isEqualTo(CANDLE_CLOSE);
        assertThat(created.envelope().correlationId()).isEqualTo(signal.envelope().correlationId());
        assertThat(created.envelope().causationId()).isEqualTo(approved.envelope().eventId());

        assertThat(metrics.decisions).containsExactly("APPROVED/" + ReasonCodes.RISK_BUDGET);
        // 0.337 x 3000
        assertThat(metrics.notionals).singleElement().satisfies(n -> assertThat(n).isEqualByComparingTo("1011"));
        assertThat(metrics.latencies).hasSize(1);
    }

    @Test
    void denialIsStoredAndAnnouncedWithoutAnOrderIntent() {
        SignalValidated signal = signal(RecommendedAction.SKIP, false);

        RecordedDecision decision = service.decide(signal);

        assertThat(decision.outcome()).isEqualTo(Outcome.DENIED);
        assertThat(decision.quantity()).isNull();
        assertThat(store.decisions).containsOnlyKeys(signal.signalId());
        assertThat(store.intents).isEmpty();
        assertThat(events.published).singleElement().isInstanceOfSatisfying(TradeDenied.class, denied -> {
            assertThat(denied.decisionId()).isEqualTo(DerivedIds.from("decision", signal.signalId()));
            assertThat(denied.reasons()).extracting(Reason::code)
                    .containsExactly(ReasonCodes.ACTION_SKIP, ReasonCodes.SIGNAL_NOT_TRADEABLE);
            assertThat(denied.envelope().correlationId()).isEqualTo(signal.envelope().correlationId());
        });
        assertThat(metrics.decisions).containsExactly("DENIED/" + ReasonCodes.ACTION_SKIP);
        assertThat(metrics.notionals).isEmpty();
    }

    @Test
    void redeliveryStoresNothingNewAndAnnouncesTheSameDecisionAgain() {
        SignalValidated signal = signal(RecommendedAction.TRADE, true);

        service.decide(signal);
        service.decide(signal);

        assertThat(store.decisions).hasSize(1);
        assertThat(store.intents).hasSize(1);
        assertThat(store.decisionInserts).isEqualTo(1);
        assertThat(events.published).hasSize(4);
        assertThat(events.published).filteredOn(TradeApproved.class::isInstance)
                .extracting(e -> ((TradeApproved) e).decisionId()).containsOnly(DerivedIds.from("decision", signal.signalId()));
        assertThat(events.published).filteredOn(OrderIntentCreated.class::isInstance)
                .extracting(e -> ((OrderIntentCreated) e).intentId()).hasSize(2)
                .containsOnly(DerivedIds.from("intent", DerivedIds.from("decision", signal.signalId())));
    }

    @Test
    void redeliveryAfterEquityChangedAnnouncesTheRecordedDecisionNotANewOne() {
        SignalValidated signal = signal(RecommendedAction.TRADE, true);
        service.decide(signal);

        equity.set(Money.of("20000", "USDT"));
        RecordedDecision again = service.decide(signal);

        assertThat(again.quantity().value()).isEqualTo(new BigDecimal("0.337"));
        assertThat(events.published).filteredOn(TradeApproved.class::isInstance)
                .extracting(e -> ((TradeApproved) e).quantity()).containsOnly(Quantity.of("0.337"));
        assertThat(metrics.decisions).hasSize(1);
    }

    @Test
    void approvalWhoseIntentWasNotStoredGetsItOnRedelivery() {
        SignalValidated signal = signal(RecommendedAction.TRADE, true);
        service.decide(signal);
        store.intents.clear();

        service.decide(signal);

        assertThat(store.intents).containsOnlyKeys(DerivedIds.from("intent", DerivedIds.from("decision", signal.signalId())));
    }

    private static SignalValidated signal(RecommendedAction action, boolean tradeable) {
        UUID candleEventId = UUID.fromString("018e0a1b-0000-7000-8000-000000000001");
        Envelope envelope = Envelope.causedBy(Envelope.root(candleEventId, CANDLE_CLOSE, CANDLE_CLOSE.plusMillis(100)),
                UUID.fromString("018e0a1b-0000-7000-8000-000000000002"), CANDLE_CLOSE, CANDLE_CLOSE.plusMillis(200));
        UUID signalId = DerivedIds.from("signal", "ema-cross-v1", SYMBOL, Interval.FIFTEEN_MINUTES, CANDLE_CLOSE, candleEventId);
        return new SignalValidated(envelope, signalId, "ema-cross-v1", SYMBOL, Interval.FIFTEEN_MINUTES, CANDLE_CLOSE,
                Side.BUY, 70, Grade.B, 0.6, 0.5, action, tradeable, Price.of("3000"), Price.of("2911"),
                List.of(Reason.of("EMA_CROSS_UP", "EMA(9) crossed above EMA(21)")));
    }

    private static final class InMemoryDecisionStore implements DecisionStore {

        final Map<UUID, RecordedDecision> decisions = new LinkedHashMap<>();
        final Map<UUID, OrderIntent> intents = new LinkedHashMap<>();
        int decisionInserts;

        @Override
        public boolean insertIfAbsent(RecordedDecision decision) {
            if (decisions.containsKey(decision.signalId())) {
                return false;
            }
            decisions.put(decision.signalId(), decision);
            decisionInserts++;
            return true;
        }

        @Override
        public void insertIfAbsent(OrderIntent intent) {
            intents.putIfAbsent(intent.intentId(), intent);
        }

        @Override
        public Optional<RecordedDecision> findBySignalId(UUID signalId) {
            return Optional.ofNullable(decisions.get(signalId));
        }

        @Override
        public List<RecordedDecision> latest(Symbol symbol, int limit) {
            return decisions.values().stream().filter(d -> d.symbol().equals(symbol))
                    .sorted(Comparator.comparing(RecordedDecision::decidedAt).reversed()).limit(limit).toList();
        }
    }

    private static final class RecordingEvents implements RiskEvents {

        final List<PeregrineEvent> published = new ArrayList<>();

        @Override
        public void publishDecision(RiskDecisionEvent decision) {
            published.add(decision);
        }

        @Override
        public void publishIntent(OrderIntentCreated intent) {
            published.add(intent);
        }
    }

    private static final class RecordingMetrics implements RiskMetrics {

        final List<String> decisions = new ArrayList<>();
        final List<BigDecimal> notionals = new ArrayList<>();
        final List<Duration> latencies = new ArrayList<>();

        @Override
        public void decided(Outcome outcome, String reasonCode) {
            decisions.add(outcome + "/" + reasonCode);
        }

        @Override
        public void approvedNotional(BigDecimal notional) {
            notionals.add(notional);
        }

        @Override
        public void decisionLatency(Duration latency) {
            latencies.add(latency);
        }
    }
}
