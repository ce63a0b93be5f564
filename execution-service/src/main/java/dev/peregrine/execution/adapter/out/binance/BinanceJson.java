package dev.peregrine.execution.adapter.out.binance;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Reads Binance's JSON answers into the adapter's types, strictly: a missing field, an unknown enum value or a
 * number where a decimal string belongs is an {@link IllegalArgumentException} (the caller gets Unknown). Decimals
 * are taken exactly as sent.
 */
final class BinanceJson {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private BinanceJson() {
    }

    static JsonNode tree(String body) {
        return MAPPER.readTree(body);
    }

    static PlacedOrder placedOrder(JsonNode node) {
        List<PlacedOrder.Fill> fills = list(field(node, "fills"), fill -> new PlacedOrder.Fill(decimal(fill, "price"),
                decimal(fill, "qty"), decimal(fill, "commission"), text(fill, "commissionAsset"), number(fill, "tradeId")));
        return new PlacedOrder(text(node, "symbol"), number(node, "orderId"), text(node, "clientOrderId"), status(node),
                type(node), side(node), decimal(node, "price"), decimal(node, "origQty"), decimal(node, "executedQty"),
                decimal(node, "cummulativeQuoteQty"), time(node, "transactTime"), fills);
    }

    static VenueOrder order(JsonNode node) {
        return new VenueOrder(text(node, "symbol"), number(node, "orderId"), text(node, "clientOrderId"), status(node),
                type(node), side(node), decimal(node, "price"), decimal(node, "origQty"), decimal(node, "executedQty"),
                decimal(node, "cummulativeQuoteQty"), time(node, "updateTime"), number(node, "orderListId"));
    }

    /** A cancel's answer names the canceled order {@code origClientOrderId} and has no {@code updateTime}. */
    static VenueOrder canceledOrder(JsonNode node) {
        return new VenueOrder(text(node, "symbol"), number(node, "orderId"), text(node, "origClientOrderId"), status(node),
                type(node), side(node), decimal(node, "price"), decimal(node, "origQty"), decimal(node, "executedQty"),
                decimal(node, "cummulativeQuoteQty"), time(node, "transactTime"), number(node, "orderListId"));
    }

    static List<VenueOrder> orders(JsonNode node) {
        return list(node, BinanceJson::order);
    }

    static List<AccountTrade> trades(JsonNode node) {
        return list(node, trade -> new AccountTrade(text(trade, "symbol"), number(trade, "id"), number(trade, "orderId"),
                decimal(trade, "price"), decimal(trade, "qty"), decimal(trade, "quoteQty"), decimal(trade, "commission"),
                text(trade, "commissionAsset"), time(trade, "time"), flag(trade, "isBuyer"), flag(trade, "isMaker")));
    }

    static AccountSnapshot account(JsonNode node) {
        return new AccountSnapshot(flag(node, "canTrade"), flag(node, "canWithdraw"), list(field(node, "balances"),
                balance -> new AccountSnapshot.Balance(text(balance, "asset"), decimal(balance, "free"),
                        decimal(balance, "locked"))));
    }

    static ApiRestrictions apiRestrictions(JsonNode node) {
        return new ApiRestrictions(flag(node, "ipRestrict"), flag(node, "enableReading"),
                flag(node, "enableSpotAndMarginTrading"), flag(node, "enableWithdrawals"),
                flag(node, "enableInternalTransfer"), flag(node, "permitsUniversalTransfer"), flag(node, "enableMargin"),
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
