package dev.peregrine.execution.adapter.in.rest;

import dev.peregrine.execution.domain.Fill;
import dev.peregrine.execution.domain.Order;

import java.time.Instant;
import java.util.UUID;

/**
 * An order as the API shows it. Decimals are strings so that no client reads them as floating point.
 *
 * @param settledAt market time at which the venue executed or refused the working order
 */
public record OrderResponse(
        String clientOrderId,
        UUID intentId,
        String strategyId,
        String symbol,
        String side,
        String type,
        String quantity,
        String limitPrice,
        Instant notBefore,
        String state,
        String venue,
        String venueOrderId,
        String fillPrice,
        String fee,
        String feeAsset,
        Instant settledAt,
        ReasonResponse rejectReason,
        UUID correlationId,
        UUID causationId,
        Instant createdAt,
        Instant updatedAt) {

    public record ReasonResponse(String code, String detail) {
    }

    static OrderResponse of(Order order) {
        Fill fill = order.fill();
        return new OrderResponse(order.clientOrderId(), order.intentId(), order.terms().strategyId(),
                order.symbol().value(), order.side().name(), order.type().name(), order.quantity().text(),
                order.terms().limit().map(price -> price.text()).orElse(null), order.terms().notBefore(),
                order.state().name(), order.venue(), order.venueOrderId(),
                fill == null ? null : fill.price().text(),
                fill == null ? null : fill.fee().amount().toPlainString(),
                fill == null ? null : fill.fee().currency(),
                order.settledAt(),
                order.rejectReason() == null ? null
                        : new ReasonResponse(order.rejectReason().code(), order.rejectReason().detail()),
                order.causation().correlationId(), order.causation().intentEventId(), order.createdAt(),
                order.updatedAt());
    }
}
