package dev.peregrine.exchangesim;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Binance's order list endpoints in front of the {@link MatchingEngine}'s {@link OcoOrders}, reached through
 * {@link TradingApi} once the request is signed: {@code POST /api/v3/orderList/oco}, {@code DELETE} and {@code GET
 * /api/v3/orderList}, {@code GET /api/v3/openOrderList}, with Binance's parameter checks and answers.
 */
final class OrderListApi {

    static final String OCO = "/api/v3/orderList/oco";
    static final String ORDER_LIST = "/api/v3/orderList";
    static final String OPEN_ORDER_LIST = "/api/v3/openOrderList";
    private static final Set<String> UNSIMULATED =
            Set.of("IcebergQty", "TrailingDelta", "PegPriceType", "PegOffsetType", "PegOffsetValue");

    private final MatchingEngine engine;
    private final TradingApi trading;

    OrderListApi(MatchingEngine engine, TradingApi trading) {
        this.engine = engine;
        this.trading = trading;
    }

    static boolean serves(String path) {
        return path.equals(OCO) || path.equals(ORDER_LIST) || path.equals(OPEN_ORDER_LIST);
    }

    /** A signed request whose method already fits the path. */
    RestServer.Response handle(String method, String path, Map<String, List<String>> parameters) {
        return switch (path + " " + method) {
            case OCO + " POST" -> {
                OcoRequest request = ocoRequest(parameters);
                TradingJson.ResponseType type = TradingApi.optional(parameters, "newOrderRespType")
                        .map(TradingApi::responseType)
                        .orElse(TradingJson.ResponseType.ACK);
                yield RestServer.Response.ok(placed(engine.placeOco(request), type));
            }
            case ORDER_LIST + " DELETE" -> {
                String symbol = trading.symbol(parameters);
                Optional<Long> orderListId = TradingApi.number(parameters, "orderListId");
                Optional<String> listClientOrderId = TradingApi.optional(parameters, "listClientOrderId");
                if (orderListId.isEmpty() && listClientOrderId.isEmpty()) {
                    throw TradingRefusal.badRequest(
                            -1102,
                            "Param 'orderListId' or 'listClientOrderId' must be sent, but both were empty/null!");
                }
                yield RestServer.Response.ok(canceled(engine.cancelList(
                        symbol, orderListId, listClientOrderId, clientId(parameters, "newClientOrderId"))));
            }
            case ORDER_LIST + " GET" -> {
                Optional<Long> orderListId = TradingApi.number(parameters, "orderListId");
                Optional<String> clientId = clientId(parameters, "origClientOrderId");
                if (orderListId.isEmpty() && clientId.isEmpty()) {
                    throw TradingRefusal.badRequest(
                            -1102,
                            "Param 'origClientOrderId' or 'orderListId' must be sent, but both were empty/null!");
                }
                OrderList list = engine.findList(Optional.empty(), orderListId, clientId)
                        .orElseThrow(() -> TradingRefusal.badRequest(-2013, "Order does not exist."));
                yield RestServer.Response.ok(Json.MAPPER.writeValueAsString(
                        listNode(Json.MAPPER.createObjectNode(), list, engine.ordersOf(list))));
            }
            default -> {
                ArrayNode lists = Json.MAPPER.createArrayNode();
                engine.openLists().forEach(list -> listNode(lists.addObject(), list, engine.ordersOf(list)));
                yield RestServer.Response.ok(Json.MAPPER.writeValueAsString(lists));
            }
        };
    }

    /** The placement answer: the list, then each order in the form {@code type} asks for. */
    static String placed(OcoOrders.ListPlacement placement, TradingJson.ResponseType type) {
        ObjectNode node = listNode(Json.MAPPER.createObjectNode(), placement.list(), placement.orders());
        ArrayNode reports = node.putArray("orderReports");
        placement.orders().forEach(order -> TradingJson.newOrderNode(reports.addObject(), order, List.of(), type));
        return Json.MAPPER.writeValueAsString(node);
    }

    /** A list's cancel (also the answer to {@code DELETE /api/v3/order} of one of its orders). */
    static String canceled(OcoOrders.ListCancellation cancellation) {
        ObjectNode node = listNode(
                Json.MAPPER.createObjectNode(),
                cancellation.list(),
                cancellation.orders().stream()
                        .map(MatchingEngine.Cancellation::order)
                        .toList());
        ArrayNode reports = node.putArray("orderReports");
        cancellation.orders().forEach(canceled -> TradingJson.canceledNode(reports.addObject(), canceled));
        return Json.MAPPER.writeValueAsString(node);
    }

    private static ObjectNode listNode(ObjectNode node, OrderList list, List<SpotOrder> orders) {
        node.put("orderListId", list.orderListId());
        node.put("contingencyType", "OCO");
        node.put("listStatusType", list.listStatusType().name());
        node.put("listOrderStatus", list.listOrderStatus().name());
        node.put("listClientOrderId", list.listClientOrderId());
        node.put("transactionTime", list.transactionTime().toEpochMilli());
        node.put("symbol", list.symbol());
        ArrayNode entries = node.putArray("orders");
        for (SpotOrder order : orders) {
            ObjectNode entry = entries.addObject();
            entry.put("symbol", order.symbol());
            entry.put("orderId", order.orderId());
            entry.put("clientOrderId", order.clientOrderId());
        }
        return node;
    }

    private OcoRequest ocoRequest(Map<String, List<String>> parameters) {
        String symbol = trading.symbol(parameters);
        SpotOrder.Side side = switch (TradingApi.mandatory(parameters, "side")) {
            case "BUY" -> SpotOrder.Side.BUY;
            case "SELL" -> SpotOrder.Side.SELL;
            default -> throw TradingRefusal.badRequest(-1117, "Invalid side.");
        };
        BigDecimal quantity =
                TradingApi.decimal(parameters, "quantity").orElseThrow(() -> TradingRefusal.mandatory("quantity"));
        return new OcoRequest(
                symbol,
                side,
                quantity,
                leg(parameters, "above"),
                leg(parameters, "below"),
                clientId(parameters, "listClientOrderId"));
    }

    /** One order's parameters, named with {@code prefix} ({@code above} or {@code below}). */
    private static OcoRequest.Leg leg(Map<String, List<String>> parameters, String prefix) {
        for (String unsimulated : UNSIMULATED) {
            if (TradingApi.optional(parameters, prefix + unsimulated).isPresent()) {
                throw TradingRefusal.badRequest(
                        -1000, "The exchange simulator does not simulate '" + prefix + unsimulated + "'.");
            }
        }
        String typeName = TradingApi.mandatory(parameters, prefix + "Type");
        SpotOrder.Type type;
        try {
            type = SpotOrder.Type.valueOf(typeName);
        } catch (IllegalArgumentException e) {
            throw TradingRefusal.badRequest(-1116, "Invalid orderType.");
        }
        if (type == SpotOrder.Type.MARKET || type == SpotOrder.Type.LIMIT) {
            throw TradingRefusal.badRequest(-1158, "Order type not supported in OCO.");
        }
        Optional<BigDecimal> price = TradingApi.decimal(parameters, prefix + "Price");
        Optional<BigDecimal> stopPrice = TradingApi.decimal(parameters, prefix + "StopPrice");
        Optional<String> timeInForceName = TradingApi.optional(parameters, prefix + "TimeInForce");
        boolean limit = type == SpotOrder.Type.LIMIT_MAKER
                || type == SpotOrder.Type.STOP_LOSS_LIMIT
                || type == SpotOrder.Type.TAKE_PROFIT_LIMIT;
        boolean timed = type == SpotOrder.Type.STOP_LOSS_LIMIT || type == SpotOrder.Type.TAKE_PROFIT_LIMIT;
        require(limit, price, prefix + "Price");
        require(type.triggered(), stopPrice, prefix + "StopPrice");
        require(timed, timeInForceName, prefix + "TimeInForce");
        Optional<SpotOrder.TimeInForce> timeInForce = timeInForceName.map(name -> switch (name) {
            case "GTC" -> SpotOrder.TimeInForce.GTC;
            case "IOC" -> SpotOrder.TimeInForce.IOC;
            case "FOK" -> SpotOrder.TimeInForce.FOK;
            default -> throw TradingRefusal.badRequest(-1115, "Invalid timeInForce.");
        });
        return new OcoRequest.Leg(type, price, stopPrice, timeInForce, clientId(parameters, prefix + "ClientOrderId"));
    }

    /** -1102 when a parameter the type needs is missing, -1106 when one it does not take is sent. */
    private static void require(boolean needed, Optional<?> value, String name) {
        if (needed && value.isEmpty()) {
            throw TradingRefusal.mandatory(name);
        }
        if (!needed && value.isPresent()) {
            throw TradingApi.notRequired(name);
        }
    }

    private static Optional<String> clientId(Map<String, List<String>> parameters, String name) {
        Optional<String> id = TradingApi.optional(parameters, name);
        id.ifPresent(value -> TradingApi.checkClientOrderId(name, value));
        return id;
    }
}
