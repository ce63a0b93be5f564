package dev.peregrine.exchangesim;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One order as Binance keeps it. Immutable: the engine replaces it on every change.
 *
 * @param price             the limit price (zero for MARKET, as Binance reports it)
 * @param origQuoteOrderQty the quoteOrderQty of a MARKET order sent by quote amount, zero otherwise
 * @param lockedAsset       the asset held back while the order is open
 * @param locked            how much of it is still held back (an order list's orders hold nothing themselves: the
 *                          list holds the funds of the pair once)
 * @param orderListId       the order list the order belongs to, -1 for none
 * @param stopPrice         the trigger price of a STOP_LOSS* / TAKE_PROFIT* order, zero otherwise
 * @param workingTime       when the order started working on the book; empty for a stop order not yet triggered
 */
public record SpotOrder(
        long orderId,
        String symbol,
        String clientOrderId,
        Side side,
        Type type,
        TimeInForce timeInForce,
        BigDecimal price,
        BigDecimal origQty,
        BigDecimal origQuoteOrderQty,
        BigDecimal executedQty,
        BigDecimal cummulativeQuoteQty,
        Status status,
        Instant time,
        Instant updateTime,
        String lockedAsset,
        BigDecimal locked,
        long orderListId,
        BigDecimal stopPrice,
        Optional<Instant> workingTime) {

    public enum Side {
        BUY,
        SELL
    }

    public enum Type {
        MARKET,
        LIMIT,
        LIMIT_MAKER,
        STOP_LOSS,
        STOP_LOSS_LIMIT,
        TAKE_PROFIT,
        TAKE_PROFIT_LIMIT;

        /** Whether the order waits for its stopPrice before it works. */
        public boolean triggered() {
            return this == STOP_LOSS || this == STOP_LOSS_LIMIT || this == TAKE_PROFIT || this == TAKE_PROFIT_LIMIT;
        }
    }

    public enum TimeInForce {
        GTC,
        IOC,
        FOK
    }

    public enum Status {
        NEW,
        PARTIALLY_FILLED,
        FILLED,
        CANCELED,
        EXPIRED;

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
        Objects.requireNonNull(stopPrice, "stopPrice");
        Objects.requireNonNull(workingTime, "workingTime");
    }

    /** A plain order (no list, no stop) that works from the moment it is placed. */
    static SpotOrder placed(
            long orderId,
            String symbol,
            String clientOrderId,
            Side side,
            Type type,
            TimeInForce timeInForce,
            BigDecimal price,
            BigDecimal origQty,
            BigDecimal origQuoteOrderQty,
            Instant time,
            String lockedAsset,
            BigDecimal locked) {
        return new SpotOrder(
                orderId,
                symbol,
                clientOrderId,
                side,
                type,
                timeInForce,
                price,
                origQty,
                origQuoteOrderQty,
                BigDecimal.ZERO,
                BigDecimal.ZERO,
                Status.NEW,
                time,
                time,
                lockedAsset,
                locked,
                -1,
                BigDecimal.ZERO,
                Optional.of(time));
    }

    /**
     * An order of an order list: it holds nothing itself (the list holds the funds once); a STOP_LOSS* or
     * TAKE_PROFIT* order does not work until its stopPrice is reached (workingTime empty).
     */
    static SpotOrder listed(
            long orderId,
            String symbol,
            String clientOrderId,
            Side side,
            Type type,
            TimeInForce timeInForce,
            BigDecimal price,
            BigDecimal origQty,
            Instant time,
            String lockedAsset,
            long orderListId,
            BigDecimal stopPrice) {
        return new SpotOrder(
                orderId,
                symbol,
                clientOrderId,
                side,
                type,
                timeInForce,
                price,
                origQty,
                BigDecimal.ZERO,
                BigDecimal.ZERO,
                BigDecimal.ZERO,
                Status.NEW,
                time,
                time,
                lockedAsset,
                BigDecimal.ZERO,
                orderListId,
                stopPrice,
                type.triggered() ? Optional.empty() : Optional.of(time));
    }

    public boolean open() {
        return status.open();
    }

    SpotOrder filled(BigDecimal quantity, BigDecimal quoteQuantity, Instant at) {
        BigDecimal executed = executedQty.add(quantity);
        Status next = executed.compareTo(origQty) >= 0 ? Status.FILLED : Status.PARTIALLY_FILLED;
        return new SpotOrder(
                orderId,
                symbol,
                clientOrderId,
                side,
                type,
                timeInForce,
                price,
                origQty,
                origQuoteOrderQty,
                executed,
                cummulativeQuoteQty.add(quoteQuantity),
                next,
                time,
                at,
                lockedAsset,
                next == Status.FILLED ? BigDecimal.ZERO : locked,
                orderListId,
                stopPrice,
                Optional.of(workingTime.orElse(at)));
    }

    /** A triggered STOP_LOSS_LIMIT / TAKE_PROFIT_LIMIT order now resting as a limit order that holds {@code lock}. */
    SpotOrder working(Instant at, BigDecimal lock) {
        return new SpotOrder(
                orderId,
                symbol,
                clientOrderId,
                side,
                type,
                timeInForce,
                price,
                origQty,
                origQuoteOrderQty,
                executedQty,
                cummulativeQuoteQty,
                status,
                time,
                at,
                lockedAsset,
                lock,
                orderListId,
                stopPrice,
                Optional.of(at));
    }

    SpotOrder ended(Status terminal, Instant at) {
        return new SpotOrder(
                orderId,
                symbol,
                clientOrderId,
                side,
                type,
                timeInForce,
                price,
                origQty,
                origQuoteOrderQty,
                executedQty,
                cummulativeQuoteQty,
                terminal,
                time,
                at,
                lockedAsset,
                BigDecimal.ZERO,
                orderListId,
                stopPrice,
                workingTime);
    }
}
