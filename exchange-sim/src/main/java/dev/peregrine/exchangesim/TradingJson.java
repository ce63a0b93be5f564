package dev.peregrine.exchangesim;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The trading endpoints' JSON, field for field as Binance's spot REST API writes it. */
final class TradingJson {

    /** newOrderRespType. */
    enum ResponseType {
        ACK,
        RESULT,
        FULL
    }

    private static final String SELF_TRADE_PREVENTION = "EXPIRE_MAKER";

    private TradingJson() {}

    static String newOrder(MatchingEngine.Placement placement, ResponseType type) {
        return Json.MAPPER.writeValueAsString(
                newOrderNode(Json.MAPPER.createObjectNode(), placement.order(), placement.fills(), type));
    }

    /** A new order's answer (also an order list's {@code orderReports} entry) in the form {@code type} asks for. */
    static ObjectNode newOrderNode(ObjectNode node, SpotOrder order, List<SpotTrade> orderFills, ResponseType type) {
        node.put("symbol", order.symbol());
        node.put("orderId", order.orderId());
        node.put("orderListId", order.orderListId());
        node.put("clientOrderId", order.clientOrderId());
        node.put("transactTime", order.time().toEpochMilli());
        if (type != ResponseType.ACK) {
            execution(node, order);
            stopPrice(node, order);
            node.put("workingTime", workingTime(order));
            node.put("selfTradePreventionMode", SELF_TRADE_PREVENTION);
        }
        if (type == ResponseType.FULL) {
            ArrayNode fills = node.putArray("fills");
            for (SpotTrade trade : orderFills) {
                ObjectNode fill = fills.addObject();
                fill.put("price", Json.decimal(trade.price()));
                fill.put("qty", Json.decimal(trade.qty()));
                fill.put("commission", Json.decimal(trade.commission()));
                fill.put("commissionAsset", trade.commissionAsset());
                fill.put("tradeId", trade.id());
            }
        }
        return node;
    }

    static String order(SpotOrder order) {
        return Json.MAPPER.writeValueAsString(orderNode(Json.MAPPER.createObjectNode(), order));
    }

    static String orders(List<SpotOrder> orders) {
        ArrayNode list = Json.MAPPER.createArrayNode();
        orders.forEach(order -> orderNode(list.addObject(), order));
        return Json.MAPPER.writeValueAsString(list);
    }

    static String canceled(MatchingEngine.Cancellation cancellation) {
        return Json.MAPPER.writeValueAsString(canceledNode(Json.MAPPER.createObjectNode(), cancellation));
    }

    static ObjectNode canceledNode(ObjectNode node, MatchingEngine.Cancellation cancellation) {
        SpotOrder order = cancellation.order();
        node.put("symbol", order.symbol());
        node.put("origClientOrderId", order.clientOrderId());
        node.put("orderId", order.orderId());
        node.put("orderListId", order.orderListId());
        node.put("clientOrderId", cancellation.cancelClientOrderId());
        node.put("transactTime", order.updateTime().toEpochMilli());
        execution(node, order);
        stopPrice(node, order);
        node.put("selfTradePreventionMode", SELF_TRADE_PREVENTION);
        return node;
    }

    static String trades(List<SpotTrade> trades) {
        ArrayNode list = Json.MAPPER.createArrayNode();
        for (SpotTrade trade : trades) {
            ObjectNode node = list.addObject();
            node.put("symbol", trade.symbol());
            node.put("id", trade.id());
            node.put("orderId", trade.orderId());
            node.put("orderListId", trade.orderListId());
            node.put("price", Json.decimal(trade.price()));
            node.put("qty", Json.decimal(trade.qty()));
            node.put("quoteQty", Json.decimal(trade.quoteQty()));
            node.put("commission", Json.decimal(trade.commission()));
            node.put("commissionAsset", trade.commissionAsset());
            node.put("time", trade.time().toEpochMilli());
            node.put("isBuyer", trade.buyer());
            node.put("isMaker", trade.maker());
            node.put("isBestMatch", true);
        }
        return Json.MAPPER.writeValueAsString(list);
    }

    static String account(
            TradingConfig config, Map<String, Balances.Amounts> balances, boolean omitZeroBalances, long updateTime) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("makerCommission", basisPoints(config.makerCommission()));
        node.put("takerCommission", basisPoints(config.takerCommission()));
        node.put("buyerCommission", 0);
        node.put("sellerCommission", 0);
        ObjectNode rates = node.putObject("commissionRates");
        rates.put("maker", Json.decimal(config.makerCommission()));
        rates.put("taker", Json.decimal(config.takerCommission()));
        rates.put("buyer", Json.decimal(BigDecimal.ZERO));
        rates.put("seller", Json.decimal(BigDecimal.ZERO));
        node.put("canTrade", config.canTrade());
        node.put("canWithdraw", config.canWithdraw());
        node.put("canDeposit", true);
        node.put("brokered", false);
        node.put("requireSelfTradePrevention", false);
        node.put("preventSor", false);
        node.put("updateTime", updateTime);
        node.put("accountType", "SPOT");
        ArrayNode list = node.putArray("balances");
        balances.forEach((asset, amounts) -> {
            if (omitZeroBalances
                    && amounts.free().signum() == 0
                    && amounts.locked().signum() == 0) {
                return;
            }
            ObjectNode balance = list.addObject();
            balance.put("asset", asset);
            balance.put("free", Json.decimal(amounts.free()));
            balance.put("locked", Json.decimal(amounts.locked()));
        });
        node.putArray("permissions").add("SPOT");
        node.put("uid", 1);
        return Json.MAPPER.writeValueAsString(node);
    }

    private static int basisPoints(BigDecimal rate) {
        return rate.movePointRight(4).intValue();
    }

    private static ObjectNode orderNode(ObjectNode node, SpotOrder order) {
        node.put("symbol", order.symbol());
        node.put("orderId", order.orderId());
        node.put("orderListId", order.orderListId());
        node.put("clientOrderId", order.clientOrderId());
        execution(node, order);
        node.put("stopPrice", Json.decimal(order.stopPrice()));
        node.put("icebergQty", Json.decimal(BigDecimal.ZERO));
        node.put("time", order.time().toEpochMilli());
        node.put("updateTime", order.updateTime().toEpochMilli());
        node.put("isWorking", order.workingTime().isPresent());
        node.put("workingTime", workingTime(order));
        node.put("selfTradePreventionMode", SELF_TRADE_PREVENTION);
        return node;
    }

    /** Binance's conditional {@code stopPrice}: only for STOP_LOSS* and TAKE_PROFIT* orders. */
    private static void stopPrice(ObjectNode node, SpotOrder order) {
        if (order.type().triggered()) {
            node.put("stopPrice", Json.decimal(order.stopPrice()));
        }
    }

    /** -1 for a stop order that has not triggered yet. */
    static long workingTime(SpotOrder order) {
        return order.workingTime().map(java.time.Instant::toEpochMilli).orElse(-1L);
    }

    /** The fields every order answer shares: price, quantities, status, timeInForce, type and side. */
    private static void execution(ObjectNode node, SpotOrder order) {
        node.put("price", Json.decimal(order.price()));
        node.put("origQty", Json.decimal(order.origQty()));
        node.put("executedQty", Json.decimal(order.executedQty()));
        node.put("origQuoteOrderQty", Json.decimal(order.origQuoteOrderQty()));
        node.put("cummulativeQuoteQty", Json.decimal(order.cummulativeQuoteQty()));
        node.put("status", order.status().name());
        node.put("timeInForce", order.timeInForce().name());
        node.put("type", order.type().name());
        node.put("side", order.side().name());
    }
}
