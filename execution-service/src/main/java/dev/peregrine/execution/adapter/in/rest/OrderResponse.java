package dev.peregrine.execution.adapter.in.rest;

import dev.peregrine.common.event.Reason;
import dev.peregrine.common.value.Price;
import dev.peregrine.execution.domain.Cancellation;
import dev.peregrine.execution.domain.Fill;
import dev.peregrine.execution.domain.Order;
import dev.peregrine.execution.domain.OrderRole;
import java.time.Instant;
import java.util.UUID;

/**
 * An order as the API shows it. Decimals are strings so that no client reads them as floating point.
 *
 * @param purpose             ENTRY, EXIT, STOP_LOSS or TAKE_PROFIT
 * @param stopLoss            an entry's protective stop, or a protective leg's pair stop
 * @param takeProfit          an entry's take-profit, or a protective leg's pair take-profit
 * @param parentClientOrderId the entry a protective leg protects
 * @param referencePrice      the fill's price before slippage
 * @param settledAt           market time at which the venue executed or refused the working order (or at which a
 *                            leg was canceled because the other leg of its pair filled)
 * @param cancelReason        why a CANCELED order was canceled
 * @param canceledBy          the order whose handling canceled it
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
        String purpose,
        String stopLoss,
        String takeProfit,
        ReasonResponse exitReason,
        String parentClientOrderId,
        String state,
        String venue,
        String venueOrderId,
        String fillPrice,
        String fee,
        String feeAsset,
        String referencePrice,
        Instant settledAt,
        ReasonResponse rejectReason,
        ReasonResponse cancelReason,
        String canceledBy,
        UUID correlationId,
        UUID causationId,
        Instant createdAt,
        Instant updatedAt) {

    public record ReasonResponse(String code, String detail) {

        static ReasonResponse of(Reason reason) {
            return reason == null ? null : new ReasonResponse(reason.code(), reason.detail());
        }
    }

    static OrderResponse of(Order order) {
        Fill fill = order.fill();
        OrderRole role = order.role();
        Cancellation cancellation = order.cancellation();
        return new OrderResponse(
                order.clientOrderId(),
                order.intentId(),
                order.terms().strategyId(),
                order.symbol().value(),
                order.side().name(),
                order.type().name(),
                order.quantity().text(),
                order.terms().limit().map(Price::text).orElse(null),
                order.terms().notBefore(),
                role.purpose().name(),
                role.stop().map(Price::text).orElse(null),
                role.target().map(Price::text).orElse(null),
                ReasonResponse.of(role.exitReason()),
                role.parentClientOrderId(),
                order.state().name(),
                order.venue(),
                order.venueOrderId(),
                fill == null ? null : fill.price().text(),
                fill == null ? null : fill.fee().amount().toPlainString(),
                fill == null ? null : fill.fee().currency(),
                fill == null ? null : fill.referencePrice().text(),
                order.settledAt(),
                ReasonResponse.of(order.rejectReason()),
                cancellation == null ? null : ReasonResponse.of(cancellation.reason()),
                cancellation == null ? null : cancellation.canceledBy(),
                order.causation().correlationId(),
                order.causation().intentEventId(),
                order.createdAt(),
                order.updatedAt());
    }
}
