package dev.peregrine.exchangesim;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * One order as Binance keeps it. Immutable: the engine replaces it on every change.
 *
 * @param price             the limit price (zero for MARKET, as Binance reports it)
 * @param origQuoteOrderQty the quoteOrderQty of a MARKET order sent by quote amount, zero otherwise
 * @param lockedAsset       the asset held back while the order is open
 * @param locked            how much of it is still held back
 */
public record SpotOrder(long orderId, String symbol, String clientOrderId, Side side, Type type, TimeInForce timeInForce,
                 BigDecimal price, BigDecimal origQty, BigDecimal origQuoteOrderQty, BigDecimal executedQty,
                 BigDecimal cummulativeQuoteQty, Status status, Instant time, Instant updateTime,
                 String lockedAsset, BigDecimal locked) {

    public enum Side { BUY, SELL }

    public enum Type { MARKET, LIMIT }

    public enum TimeInForce { GTC, IOC, FOK }

    public enum Status {
        NEW, PARTIALLY_FILLED, FILLED, CANCELED, EXPIRED;

        public boolean open() {
            return this == NEW || this == PARTIALLY_FILLED;
        }
    }

    public SpotOrder {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(clientOrderId, "clientOrderId");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(timeInForce, "timeInForce");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(locked, "locked");
    }

    public boolean open() {
        return status.open();
    }

    SpotOrder filled(BigDecimal quantity, BigDecimal quoteQuantity, Instant at) {
        BigDecimal executed = executedQty.add(quantity);
        Status next = executed.compareTo(origQty) >= 0 ? Status.FILLED : Status.PARTIALLY_FILLED;
        return new SpotOrder(orderId, symbol, clientOrderId, side, type, timeInForce, price, origQty,
                origQuoteOrderQty, executed, cummulativeQuoteQty.add(quoteQuantity), next, time, at, lockedAsset,
                next == Status.FILLED ? BigDecimal.ZERO : locked);
    }

    SpotOrder ended(Status terminal, Instant at) {
        return new SpotOrder(orderId, symbol, clientOrderId, side, type, timeInForce, price, origQty,
                origQuoteOrderQty, executedQty, cummulativeQuoteQty, terminal, time, at, lockedAsset, BigDecimal.ZERO);
    }
}
