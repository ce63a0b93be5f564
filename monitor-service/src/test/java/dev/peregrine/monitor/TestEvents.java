package dev.peregrine.monitor;

import dev.peregrine.common.event.Envelope;
import dev.peregrine.common.event.Grade;
import dev.peregrine.common.event.OrderAccepted;
import dev.peregrine.common.event.OrderFilled;
import dev.peregrine.common.event.OrderPurpose;
import dev.peregrine.common.event.OrderRejected;
import dev.peregrine.common.event.Reason;
import dev.peregrine.common.event.RecommendedAction;
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
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Builds one consistent trade chain (signal, decision, execution reports) the way the upstream services
 * would: the signal's envelope is the root, every later event is caused by the one before it.
 */
public final class TestEvents {

    public static final String STRATEGY = "ema-cross";

    private final Symbol symbol;
    private final Instant candleClose;
    private final Instant signalProcessed;

    public TestEvents(String symbol, Instant candleClose) {
        this.symbol = Symbol.of(symbol);
        this.candleClose = candleClose;
        this.signalProcessed = candleClose.plusMillis(20);
    }

    public Symbol symbol() {
        return symbol;
    }

    public SignalValidated signal(UUID eventId) {
        return new SignalValidated(
                Envelope.root(eventId, candleClose, signalProcessed),
                DerivedIds.from("signal", STRATEGY, symbol, Interval.FIFTEEN_MINUTES, candleClose),
                STRATEGY,
                symbol,
                Interval.FIFTEEN_MINUTES,
                candleClose,
                Side.BUY,
                72,
                Grade.B,
                0.8,
                0.75,
                RecommendedAction.TRADE,
                true,
                Price.of("100.50"),
                Price.of("98.00"),
                List.of(Reason.of("TREND_UP", "fast EMA above slow EMA")),
                "TRENDING_LOW");
    }

    public TradeApproved approved(SignalValidated signal, UUID eventId) {
        return new TradeApproved(
                causedBy(signal.envelope(), eventId, Duration.ofMillis(5)),
                DerivedIds.from("decision", signal.signalId()),
                signal.signalId(),
                STRATEGY,
                symbol,
                Side.BUY,
                Quantity.of("0.5"),
                Price.of("100.50"),
                Price.of("98.00"),
                Money.of("1.25", "USDT"),
                List.of(Reason.of("WITHIN_LIMITS", "risks 1.25 USDT of 2.00 allowed")));
    }

    public TradeDenied denied(SignalValidated signal, UUID eventId) {
        return new TradeDenied(
                causedBy(signal.envelope(), eventId, Duration.ofMillis(5)),
                DerivedIds.from("decision", signal.signalId()),
                signal.signalId(),
                STRATEGY,
                symbol,
                Side.BUY,
                List.of(Reason.of("DAILY_LOSS_LIMIT", "daily loss limit of 50 USDT reached")));
    }

    public OrderAccepted accepted(TradeApproved decision, String clientOrderId, UUID eventId) {
        return new OrderAccepted(
                causedBy(decision.envelope(), eventId, Duration.ofMillis(10)),
                clientOrderId,
                DerivedIds.from("intent", decision.decisionId()),
                STRATEGY,
                symbol,
                Side.BUY,
                Quantity.of("0.5"),
                "paper");
    }

    /** A fill produced {@code afterSignal} after the signal was. */
    public OrderFilled filled(OrderAccepted accepted, UUID eventId, Duration afterSignal) {
        Envelope envelope = Envelope.causedBy(
                accepted.envelope(), eventId, accepted.envelope().eventTime(), signalProcessed.plus(afterSignal));
        return new OrderFilled(
                envelope,
                accepted.clientOrderId(),
                accepted.intentId(),
                STRATEGY,
                symbol,
                Side.BUY,
                Quantity.of("0.5"),
                Price.of("100.60"),
                Money.of("0.0503", "USDT"),
                "paper",
                "venue-" + eventId,
                OrderPurpose.ENTRY);
    }

    public OrderRejected rejected(Envelope cause, String clientOrderId, UUID eventId) {
        return new OrderRejected(
                causedBy(cause, eventId, Duration.ofMillis(10)),
                clientOrderId,
                DerivedIds.from("intent", clientOrderId),
                STRATEGY,
                symbol,
                Side.BUY,
                Reason.of("INSUFFICIENT_BALANCE", "needs 50.3 USDT, has 10"),
                "paper");
    }

    private static Envelope causedBy(Envelope cause, UUID eventId, Duration later) {
        return Envelope.causedBy(
                cause, eventId, cause.eventTime(), cause.processingTime().plus(later));
    }
}
