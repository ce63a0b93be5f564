package dev.peregrine.exchangesim;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The user data stream's events, field for field as user-data-stream.md writes them, and the WebSocket API's
 * wrapping: {@code {"subscriptionId":N,"event":{...}}} for a subscription's events, {@code {"event":{...}}} for
 * connection events such as {@code serverShutdown}.
 */
final class UserDataEvents {

    private UserDataEvents() {}

    static ObjectNode executionReport(ExecutionReport report) {
        SpotOrder order = report.order();
        ObjectNode event = Json.MAPPER.createObjectNode();
        event.put("e", "executionReport");
        event.put("E", report.at().toEpochMilli());
        event.put("s", order.symbol());
        event.put("c", report.clientOrderId());
        event.put("S", order.side().name());
        event.put("o", order.type().name());
        event.put("f", order.timeInForce().name());
        event.put("q", Json.decimal(order.origQty()));
        event.put("p", Json.decimal(order.price()));
        event.put("P", Json.decimal(order.stopPrice()));
        event.put("F", Json.decimal(BigDecimal.ZERO));
        event.put("g", order.orderListId());
        event.put("C", report.originalClientOrderId());
        event.put("x", report.type().name());
        event.put("X", order.status().name());
        event.put("r", "NONE");
        event.put("i", order.orderId());
        event.put("l", Json.decimal(report.trade().map(SpotTrade::qty).orElse(BigDecimal.ZERO)));
        event.put("z", Json.decimal(order.executedQty()));
        event.put("L", Json.decimal(report.trade().map(SpotTrade::price).orElse(BigDecimal.ZERO)));
        if (report.trade().isPresent()) {
            event.put("n", Json.decimal(report.trade().get().commission()));
            event.put("N", report.trade().get().commissionAsset());
        } else {
            event.put("n", "0");
            event.putNull("N");
        }
        event.put("T", report.at().toEpochMilli());
        event.put("t", report.trade().map(SpotTrade::id).orElse(-1L));
        event.put("I", report.executionId());
        event.put("w", order.open() && order.workingTime().isPresent());
        event.put("m", report.trade().map(SpotTrade::maker).orElse(false));
        event.put("M", false);
        event.put("O", order.time().toEpochMilli());
        event.put("Z", Json.decimal(order.cummulativeQuoteQty()));
        event.put("Y", Json.decimal(report.trade().map(SpotTrade::quoteQty).orElse(BigDecimal.ZERO)));
        event.put("Q", Json.decimal(order.origQuoteOrderQty()));
        order.workingTime().ifPresent(working -> event.put("W", working.toEpochMilli()));
        event.put("V", "EXPIRE_MAKER");
        if (report.type() == ExecutionReport.Type.EXPIRED) {
            event.put("eR", expiryReason(order));
        }
        return event;
    }

    static ObjectNode accountPosition(Instant at, Map<String, Balances.Amounts> changed) {
        ObjectNode event = Json.MAPPER.createObjectNode();
        event.put("e", "outboundAccountPosition");
        event.put("E", at.toEpochMilli());
        event.put("u", at.toEpochMilli());
        ArrayNode balances = event.putArray("B");
        changed.forEach((asset, amounts) -> {
            ObjectNode balance = balances.addObject();
            balance.put("a", asset);
            balance.put("f", Json.decimal(amounts.free()));
            balance.put("l", Json.decimal(amounts.locked()));
        });
        return event;
    }

    static ObjectNode listStatus(OrderList list, List<SpotOrder> listOrders, Instant at) {
        ObjectNode event = Json.MAPPER.createObjectNode();
        event.put("e", "listStatus");
        event.put("E", at.toEpochMilli());
        event.put("s", list.symbol());
        event.put("g", list.orderListId());
        event.put("c", "OCO");
        event.put("l", list.listStatusType().name());
        event.put("L", list.listOrderStatus().name());
        event.put("r", "NONE");
        event.put("C", list.listClientOrderId());
        event.put("T", list.transactionTime().toEpochMilli());
        ArrayNode orders = event.putArray("O");
        for (SpotOrder listOrder : listOrders) {
            ObjectNode order = orders.addObject();
            order.put("s", listOrder.symbol());
            order.put("i", listOrder.orderId());
            order.put("c", listOrder.clientOrderId());
        }
        return event;
    }

    /** An event with no other fields than its type and time, e.g. {@code eventStreamTerminated}. */
    static ObjectNode bare(String type, Instant at) {
        ObjectNode event = Json.MAPPER.createObjectNode();
        event.put("e", type);
        event.put("E", at.toEpochMilli());
        return event;
    }

    /** {@code {"subscriptionId":N,"event":...}}, or {@code {"event":...}} for a connection event (id null). */
    static String wrapped(Integer subscriptionId, ObjectNode event) {
        ObjectNode frame = Json.MAPPER.createObjectNode();
        if (subscriptionId != null) {
            frame.put("subscriptionId", subscriptionId);
        }
        frame.set("event", event);
        return Json.MAPPER.writeValueAsString(frame);
    }

    private static String expiryReason(SpotOrder order) {
        if (order.orderListId() >= 0) {
            return "OCO_TRIGGER";
        }
        return switch (order.timeInForce()) {
            case IOC -> "UNFILLED_IOC_QUANTITY_EXPIRED";
            case FOK -> "UNFILLED_FOK_ORDER_EXPIRED";
            case GTC -> "INSUFFICIENT_LIQUIDITY";
        };
    }
}
