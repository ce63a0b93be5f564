package dev.peregrine.execution.adapter.out.binance;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An order to send: MARKET by base quantity, LIMIT with a price and GTC/IOC, LIMIT_MAKER with a price, or STOP_LOSS
 * (a stop-market) with a stopPrice. The caller always names it with
 * {@code clientOrderId}, by which an order whose send had an unknown outcome is found again. Quantities and prices are
 * sent as given (plain decimal strings); rounding to the symbol's filters is the caller's job.
 */
public record NewOrder(
        String symbol,
        OrderSide side,
        VenueOrderType type,
        BigDecimal quantity,
        BigDecimal price,
        TimeInForce timeInForce,
        String clientOrderId,
        BigDecimal stopPrice) {

    /** Binance's rule for {@code newClientOrderId}. */
    private static final Pattern CLIENT_ORDER_ID = Pattern.compile("^[a-zA-Z0-9-_]{1,36}$");

    public NewOrder {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(type, "type");
        requirePositive(quantity, "quantity");
        Objects.requireNonNull(clientOrderId, "clientOrderId");
        if (!CLIENT_ORDER_ID.matcher(clientOrderId).matches()) {
            throw new IllegalArgumentException("clientOrderId must match " + CLIENT_ORDER_ID + ": " + clientOrderId);
        }
        switch (type) {
            case MARKET -> {
                if (price != null || timeInForce != null) {
                    throw new IllegalArgumentException("a MARKET order has no price and no timeInForce");
                }
            }
            case LIMIT -> {
                requirePositive(price, "price");
                Objects.requireNonNull(timeInForce, "timeInForce");
            }
            case LIMIT_MAKER -> {
                requirePositive(price, "price");
                if (timeInForce != null) {
                    throw new IllegalArgumentException("a LIMIT_MAKER order has no timeInForce");
                }
            }
            case STOP_LOSS -> {
                requirePositive(stopPrice, "stopPrice");
                if (price != null || timeInForce != null) {
                    throw new IllegalArgumentException("a STOP_LOSS order has no price and no timeInForce");
                }
            }
            default ->
                throw new IllegalArgumentException(
                        "only MARKET, LIMIT, LIMIT_MAKER and STOP_LOSS orders are sent, not " + type);
        }
        if (stopPrice != null && type != VenueOrderType.STOP_LOSS) {
            throw new IllegalArgumentException("only a STOP_LOSS order has a stopPrice");
        }
    }

    public static NewOrder market(String symbol, OrderSide side, BigDecimal quantity, String clientOrderId) {
        return new NewOrder(symbol, side, VenueOrderType.MARKET, quantity, null, null, clientOrderId, null);
    }

    public static NewOrder limit(
            String symbol,
            OrderSide side,
            BigDecimal quantity,
            BigDecimal price,
            TimeInForce timeInForce,
            String clientOrderId) {
        return new NewOrder(symbol, side, VenueOrderType.LIMIT, quantity, price, timeInForce, clientOrderId, null);
    }

    /** A limit order that must rest: Binance refuses it if it would trade at once. */
    public static NewOrder limitMaker(
            String symbol, OrderSide side, BigDecimal quantity, BigDecimal price, String clientOrderId) {
        return new NewOrder(symbol, side, VenueOrderType.LIMIT_MAKER, quantity, price, null, clientOrderId, null);
    }

    /** A stop-market order: a MARKET order once the last price reaches {@code stopPrice}. */
    public static NewOrder stopLoss(
            String symbol, OrderSide side, BigDecimal quantity, BigDecimal stopPrice, String clientOrderId) {
        return new NewOrder(symbol, side, VenueOrderType.STOP_LOSS, quantity, null, null, clientOrderId, stopPrice);
    }

    /** The request parameters, without timestamp and recvWindow; answers always FULL. */
    Map<String, Object> parameters() {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("symbol", symbol);
        parameters.put("side", side.name());
        parameters.put("type", type.name());
        if (timeInForce != null) {
            parameters.put("timeInForce", timeInForce.name());
        }
        parameters.put("quantity", quantity.toPlainString());
        if (price != null) {
            parameters.put("price", price.toPlainString());
        }
        if (stopPrice != null) {
            parameters.put("stopPrice", stopPrice.toPlainString());
        }
        parameters.put("newClientOrderId", clientOrderId);
        parameters.put("newOrderRespType", "FULL");
        return parameters;
    }

    private static void requirePositive(BigDecimal value, String name) {
        Objects.requireNonNull(value, name);
        if (value.signum() <= 0) {
            throw new IllegalArgumentException(name + " must be positive: " + value.toPlainString());
        }
    }
}
