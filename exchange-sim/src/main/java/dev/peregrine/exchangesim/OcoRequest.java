package dev.peregrine.exchangesim;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * A new OCO order list's parameters after syntax checks ({@code POST /api/v3/orderList/oco}): one quantity for both
 * orders, the above order and the below order.
 */
record OcoRequest(
        String symbol,
        SpotOrder.Side side,
        BigDecimal quantity,
        Leg above,
        Leg below,
        Optional<String> listClientOrderId) {

    OcoRequest {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(above, "above");
        Objects.requireNonNull(below, "below");
        Objects.requireNonNull(listClientOrderId, "listClientOrderId");
    }

    /**
     * One order of the pair: its type, its limit price (LIMIT_MAKER, *_LIMIT), its stopPrice (STOP_LOSS*,
     * TAKE_PROFIT*), its timeInForce (*_LIMIT) and its client order id.
     */
    record Leg(
            SpotOrder.Type type,
            Optional<BigDecimal> price,
            Optional<BigDecimal> stopPrice,
            Optional<SpotOrder.TimeInForce> timeInForce,
            Optional<String> clientOrderId) {

        Leg {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(price, "price");
            Objects.requireNonNull(stopPrice, "stopPrice");
            Objects.requireNonNull(timeInForce, "timeInForce");
            Objects.requireNonNull(clientOrderId, "clientOrderId");
        }

        /** The price at which the leg starts to act: its stopPrice if it has one, else its limit price. */
        BigDecimal triggerPrice() {
            return stopPrice.or(() -> price).orElseThrow();
        }
    }
}
