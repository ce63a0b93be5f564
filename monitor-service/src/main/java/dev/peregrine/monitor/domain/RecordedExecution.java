package dev.peregrine.monitor.domain;

import dev.peregrine.common.event.ExecutionReportEvent;
import dev.peregrine.common.event.OrderAccepted;
import dev.peregrine.common.event.OrderCanceled;
import dev.peregrine.common.event.OrderFilled;
import dev.peregrine.common.event.OrderPartiallyFilled;
import dev.peregrine.common.event.OrderRejected;
import dev.peregrine.common.event.Reason;
import dev.peregrine.common.value.Money;
import dev.peregrine.common.value.Price;
import dev.peregrine.common.value.Quantity;
import dev.peregrine.common.value.Side;
import dev.peregrine.common.value.Symbol;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * An execution report as the monitor keeps it. Which optional parts are present depends on the type: an
 * accepted order has a quantity, a fill has quantity, price and fee, a rejection has only its reason.
 *
 * @param eventId        the report's event id
 * @param processingTime when execution-service produced the report; the end of the signal-to-fill latency
 */
public record RecordedExecution(
        UUID eventId,
        String clientOrderId,
        ReportType type,
        String strategyId,
        Symbol symbol,
        Side side,
        Optional<Quantity> quantity,
        Optional<Price> fillPrice,
        Optional<Money> fee,
        Optional<Reason> reason,
        UUID correlationId,
        Instant processingTime,
        Instant recordedAt)
        implements FlowRecord {

    public RecordedExecution {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(clientOrderId, "clientOrderId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(strategyId, "strategyId");
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(fillPrice, "fillPrice");
        Objects.requireNonNull(fee, "fee");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(correlationId, "correlationId");
        Objects.requireNonNull(processingTime, "processingTime");
        Objects.requireNonNull(recordedAt, "recordedAt");
        boolean shapeFits = switch (type) {
            case ACCEPTED -> quantity.isPresent() && fillPrice.isEmpty() && fee.isEmpty() && reason.isEmpty();
            case FILLED, PARTIALLY_FILLED ->
                quantity.isPresent() && fillPrice.isPresent() && fee.isPresent() && reason.isEmpty();
            case CANCELED -> quantity.isPresent() && fillPrice.isEmpty() && fee.isEmpty() && reason.isPresent();
            case REJECTED -> quantity.isEmpty() && fillPrice.isEmpty() && fee.isEmpty() && reason.isPresent();
        };
        if (!shapeFits) {
            throw new IllegalArgumentException("a " + type + " report of order " + clientOrderId
                    + " has the wrong parts: quantity " + quantity.isPresent() + ", fill price " + fillPrice.isPresent()
                    + ", fee " + fee.isPresent() + ", reason " + reason.isPresent());
        }
    }

    public static RecordedExecution from(ExecutionReportEvent event, Instant recordedAt) {
        UUID eventId = event.envelope().eventId();
        UUID correlationId = event.envelope().correlationId();
        Instant processingTime = event.envelope().processingTime();
        return switch (event) {
            case OrderAccepted accepted ->
                new RecordedExecution(
                        eventId,
                        accepted.clientOrderId(),
                        ReportType.ACCEPTED,
                        accepted.strategyId(),
                        accepted.symbol(),
                        accepted.side(),
                        Optional.of(accepted.quantity()),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        correlationId,
                        processingTime,
                        recordedAt);
            case OrderFilled filled ->
                new RecordedExecution(
                        eventId,
                        filled.clientOrderId(),
                        ReportType.FILLED,
                        filled.strategyId(),
                        filled.symbol(),
                        filled.side(),
                        Optional.of(filled.quantity()),
                        Optional.of(filled.fillPrice()),
                        Optional.of(filled.fee()),
                        Optional.empty(),
                        correlationId,
                        processingTime,
                        recordedAt);
            case OrderPartiallyFilled partial ->
                new RecordedExecution(
                        eventId,
                        partial.clientOrderId(),
                        ReportType.PARTIALLY_FILLED,
                        partial.strategyId(),
                        partial.symbol(),
                        partial.side(),
                        Optional.of(partial.lastQuantity()),
                        Optional.of(partial.lastPrice()),
                        Optional.of(partial.fee()),
                        Optional.empty(),
                        correlationId,
                        processingTime,
                        recordedAt);
            case OrderCanceled canceled ->
                new RecordedExecution(
                        eventId,
                        canceled.clientOrderId(),
                        ReportType.CANCELED,
                        canceled.strategyId(),
                        canceled.symbol(),
                        canceled.side(),
                        Optional.of(canceled.executedQuantity()),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.of(canceled.reason()),
                        correlationId,
                        processingTime,
                        recordedAt);
            case OrderRejected rejected ->
                new RecordedExecution(
                        eventId,
                        rejected.clientOrderId(),
                        ReportType.REJECTED,
                        rejected.strategyId(),
                        rejected.symbol(),
                        rejected.side(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.of(rejected.reason()),
                        correlationId,
                        processingTime,
                        recordedAt);
        };
    }

    /** Quantity times fill price, in the symbol's quote asset; present for fills only. */
    public Optional<BigDecimal> notional() {
        return fillPrice.flatMap(price -> quantity.map(q -> q.value().multiply(price.value())));
    }
}
