package dev.peregrine.execution.adapter.out.binance;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads Binance's JSON answers into the adapter's types, strictly: a missing field, an unknown enum value or a
 * number where a decimal string belongs is an {@link IllegalArgumentException} (the caller gets Unknown). Decimals
 * are taken exactly as sent.
 */
final class BinanceJson {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private BinanceJson() {}

    static JsonNode tree(String body) {
        return MAPPER.readTree(body);
    }

    static PlacedOrder placedOrder(JsonNode node) {
        List<PlacedOrder.Fill> fills = list(
                field(node, "fills"),
                fill -> new PlacedOrder.Fill(
                        decimal(fill, "price"),
                        decimal(fill, "qty"),
                        decimal(fill, "commission"),
                        text(fill, "commissionAsset"),
                        number(fill, "tradeId")));
        return new PlacedOrder(
                text(node, "symbol"),
                number(node, "orderId"),
                text(node, "clientOrderId"),
                status(node),
                type(node),
                side(node),
                decimal(node, "price"),
                decimal(node, "origQty"),
                decimal(node, "executedQty"),
                decimal(node, "cummulativeQuoteQty"),
                time(node, "transactTime"),
                fills);
    }

    static VenueOrder order(JsonNode node) {
        return new VenueOrder(
                text(node, "symbol"),
                number(node, "orderId"),
                text(node, "clientOrderId"),
                status(node),
                type(node),
                side(node),
                decimal(node, "price"),
                decimal(node, "origQty"),
                decimal(node, "executedQty"),
                decimal(node, "cummulativeQuoteQty"),
                time(node, "updateTime"),
                number(node, "orderListId"));
    }

    /** A cancel's answer names the canceled order {@code origClientOrderId} and has no {@code updateTime}. */
    static VenueOrder canceledOrder(JsonNode node) {
        return new VenueOrder(
                text(node, "symbol"),
                number(node, "orderId"),
                text(node, "origClientOrderId"),
                status(node),
                type(node),
                side(node),
                decimal(node, "price"),
                decimal(node, "origQty"),
                decimal(node, "executedQty"),
                decimal(node, "cummulativeQuoteQty"),
                time(node, "transactTime"),
                number(node, "orderListId"));
    }

    /**
     * A cancel's answer for the order named {@code clientOrderId}: the order's own, or, when the order belonged to an
     * order list (Binance then cancels the whole list and answers with the list), its entry in {@code orderReports}.
     */
    static VenueOrder canceledOrder(JsonNode node, String clientOrderId) {
        if (!node.has("orderReports")) {
            return canceledOrder(node);
        }
        List<VenueOrder> reports = list(field(node, "orderReports"), BinanceJson::canceledOrder);
        return reports.stream()
                .filter(order -> order.clientOrderId().equals(clientOrderId))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("the list's cancel does not report " + clientOrderId));
    }

    /** A new order list's answer: the list and its orders' ids. */
    static PlacedOrderList placedList(JsonNode node) {
        return new PlacedOrderList(
                text(node, "symbol"),
                number(node, "orderListId"),
                text(node, "listClientOrderId"),
                text(node, "listOrderStatus"),
                list(
                        field(node, "orders"),
                        order -> new PlacedOrderList.ListedOrder(
                                number(order, "orderId"), text(order, "clientOrderId"))));
    }

    /** {@code exchangeInfo} of one symbol: its PRICE_FILTER tickSize and LOT_SIZE stepSize and minQty. */
    static SymbolFilters symbolFilters(JsonNode node, String symbol) {
        JsonNode found = null;
        for (JsonNode candidate : field(node, "symbols")) {
            if (text(candidate, "symbol").equals(symbol)) {
                found = candidate;
            }
        }
        if (found == null) {
            throw new IllegalArgumentException("exchangeInfo has no symbol " + symbol);
        }
        JsonNode price = filter(found, "PRICE_FILTER");
        JsonNode lot = filter(found, "LOT_SIZE");
        return new SymbolFilters(symbol, decimal(price, "tickSize"), decimal(lot, "stepSize"), decimal(lot, "minQty"));
    }

    private static JsonNode filter(JsonNode symbol, String type) {
        for (JsonNode filter : field(symbol, "filters")) {
            if (text(filter, "filterType").equals(type)) {
                return filter;
            }
        }
        throw new IllegalArgumentException(text(symbol, "symbol") + " has no " + type);
    }

    static List<VenueOrder> orders(JsonNode node) {
        return list(node, BinanceJson::order);
    }

    static List<AccountTrade> trades(JsonNode node) {
        return list(
                node,
                trade -> new AccountTrade(
                        text(trade, "symbol"),
                        number(trade, "id"),
                        number(trade, "orderId"),
                        decimal(trade, "price"),
                        decimal(trade, "qty"),
                        decimal(trade, "quoteQty"),
                        decimal(trade, "commission"),
                        text(trade, "commissionAsset"),
                        time(trade, "time"),
                        flag(trade, "isBuyer"),
                        flag(trade, "isMaker")));
    }

    static AccountSnapshot account(JsonNode node) {
        return new AccountSnapshot(
                flag(node, "canTrade"),
                flag(node, "canWithdraw"),
                list(
                        field(node, "balances"),
                        balance -> new AccountSnapshot.Balance(
                                text(balance, "asset"), decimal(balance, "free"), decimal(balance, "locked"))));
    }

    static ApiRestrictions apiRestrictions(JsonNode node) {
        return new ApiRestrictions(
                flag(node, "ipRestrict"),
                flag(node, "enableReading"),
                flag(node, "enableSpotAndMarginTrading"),
                flag(node, "enableWithdrawals"),
                flag(node, "enableInternalTransfer"),
                flag(node, "permitsUniversalTransfer"),
                flag(node, "enableMargin"),
                flag(node, "enableFutures"));
    }

    static Instant serverTime(JsonNode node) {
        return time(node, "serverTime");
    }

    private static VenueOrderStatus status(JsonNode node) {
        return VenueOrderStatus.valueOf(text(node, "status"));
    }

    private static VenueOrderType type(JsonNode node) {
        return VenueOrderType.valueOf(text(node, "type"));
    }

    private static OrderSide side(JsonNode node) {
        return OrderSide.valueOf(text(node, "side"));
    }

    private static <T> List<T> list(JsonNode array, Function<JsonNode, T> element) {
        if (!array.isArray()) {
            throw new IllegalArgumentException("expected an array, got " + array.getNodeType());
        }
        List<T> values = new ArrayList<>(array.size());
        array.forEach(node -> values.add(element.apply(node)));
        return values;
    }

    private static JsonNode field(JsonNode node, String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException("missing field " + name);
        }
        return value;
    }

    private static JsonNode field(JsonNode node, String name, Predicate<JsonNode> is, String kind) {
        JsonNode value = field(node, name);
        if (!is.test(value)) {
            throw new IllegalArgumentException(name + " is not " + kind + ": " + value);
        }
        return value;
    }

    private static String text(JsonNode node, String name) {
        return field(node, name, JsonNode::isString, "a string").stringValue();
    }

    private static BigDecimal decimal(JsonNode node, String name) {
        return new BigDecimal(text(node, name));
    }

    private static long number(JsonNode node, String name) {
        return field(node, name, JsonNode::isIntegralNumber, "an integer").longValue();
    }

    private static boolean flag(JsonNode node, String name) {
        return field(node, name, JsonNode::isBoolean, "a boolean").booleanValue();
    }

    private static Instant time(JsonNode node, String name) {
        return Instant.ofEpochMilli(number(node, name));
    }
}
