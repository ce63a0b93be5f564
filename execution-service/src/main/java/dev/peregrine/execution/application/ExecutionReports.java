package dev.peregrine.execution.application;

import dev.peregrine.common.event.Envelope;
import dev.peregrine.common.event.ExecutionReportEvent;
import dev.peregrine.common.event.OrderAccepted;
import dev.peregrine.common.event.OrderCanceled;
import dev.peregrine.common.event.OrderFilled;
import dev.peregrine.common.event.OrderRejected;
import dev.peregrine.common.id.IdGenerator;
import dev.peregrine.common.value.Quantity;
import dev.peregrine.execution.domain.Causation;
import dev.peregrine.execution.domain.Fill;
import dev.peregrine.execution.domain.Order;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Builds the execution reports that tell the rest of the suite about an order. */
public final class ExecutionReports {

    private final IdGenerator ids;
    private final Clock clock;

    public ExecutionReports(IdGenerator ids, Clock clock) {
        this.ids = Objects.requireNonNull(ids, "ids");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The report of the order's current state; none while the venue has not answered (PENDING_SUBMIT, UNKNOWN). */
    public Optional<ExecutionReportEvent> current(Order order) {
        return switch (order.state()) {
            case ACCEPTED -> Optional.of(accepted(order));
            case FILLED -> Optional.of(filled(order));
            case REJECTED -> Optional.of(rejected(order));
            case CANCELED -> Optional.of(canceled(order));
            case PENDING_SUBMIT, UNKNOWN -> Optional.empty();
        };
    }

    /** Every report a consumer needs to know the order's state, in lifecycle order. */
    public List<ExecutionReportEvent> describing(Order order) {
        return switch (order.state()) {
            case FILLED, CANCELED -> List.of(accepted(order), current(order).orElseThrow());
            case ACCEPTED, REJECTED -> List.of(current(order).orElseThrow());
            case PENDING_SUBMIT, UNKNOWN -> List.of();
        };
    }

    public OrderAccepted accepted(Order order) {
        return new OrderAccepted(
                envelope(order),
                order.clientOrderId(),
                order.intentId(),
                order.terms().strategyId(),
                order.symbol(),
                order.side(),
                order.quantity(),
                order.venue());
    }

    public OrderFilled filled(Order order) {
        Fill fill = order.fillIfAny()
                .orElseThrow(() -> new IllegalStateException(
                        "order " + order.clientOrderId() + " is " + order.state() + ", not FILLED"));
        return new OrderFilled(
                envelope(order, fill.marketTime()),
                order.clientOrderId(),
                order.intentId(),
                order.terms().strategyId(),
                order.symbol(),
                order.side(),
                order.quantity(),
                fill.price(),
                fill.fee(),
                order.venue(),
                order.venueOrderId(),
                order.purpose());
    }

    /** Paper orders never fill in part, so a canceled order executed nothing. */
    public OrderCanceled canceled(Order order) {
        if (order.cancellation() == null) {
            throw new IllegalStateException(
                    "order " + order.clientOrderId() + " is " + order.state() + ", not CANCELED");
        }
        return new OrderCanceled(
                envelope(order),
                order.clientOrderId(),
                order.intentId(),
                order.terms().strategyId(),
                order.symbol(),
                order.side(),
                order.purpose(),
                Quantity.ZERO,
                order.cancellation().reason(),
                order.venue());
    }

    public OrderRejected rejected(Order order) {
        if (order.rejectReason() == null) {
            throw new IllegalStateException(
                    "order " + order.clientOrderId() + " is " + order.state() + ", not REJECTED");
        }
        return new OrderRejected(
                envelope(order),
                order.clientOrderId(),
                order.intentId(),
                order.terms().strategyId(),
                order.symbol(),
                order.side(),
                order.rejectReason(),
                order.venue());
    }

    /**
     * What {@code Envelope.causedBy(intent.envelope(), ...)} gives, rebuilt from what the order keeps of the
     * intent: a fill reported on a later candle still carries the intent's correlation id and cause.
     */
    private Envelope envelope(Order order) {
        return envelope(order, order.causation().intentEventTime());
    }

    /**
     * A fill happened at its market time, not at its intent's: a stop that fills days after its entry says when, so
     * the portfolio dates the position's close (and its day's P&L) by it.
     */
    private Envelope envelope(Order order, Instant eventTime) {
        Causation causation = order.causation();
        return new Envelope(
                ids.next(),
                Envelope.CURRENT_SCHEMA_VERSION,
                eventTime,
                clock.instant(),
                causation.correlationId(),
                causation.intentEventId());
    }
}
