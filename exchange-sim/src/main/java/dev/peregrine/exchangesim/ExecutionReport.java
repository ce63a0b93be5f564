package dev.peregrine.exchangesim;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One change of an order, as the user data stream's {@code executionReport} tells it.
 *
 * @param executionId           Binance's {@code I}: counts up from 1 over every report of the account
 * @param order                 the order after the change
 * @param type                  Binance's execution type {@code x}
 * @param clientOrderId         {@code c}: the order's client id, or for a cancel the cancel request's client id
 * @param originalClientOrderId {@code C}: the canceled order's client id on a cancel, empty otherwise
 * @param trade                 the fill of a TRADE report
 */
record ExecutionReport(
        long executionId,
        SpotOrder order,
        Type type,
        String clientOrderId,
        String originalClientOrderId,
        Optional<SpotTrade> trade,
        Instant at) {

    /** Binance's execution types (the simulator never sends REJECTED: refused orders get an error answer only). */
    enum Type {
        NEW,
        CANCELED,
        REJECTED,
        TRADE,
        EXPIRED
    }

    ExecutionReport {
        Objects.requireNonNull(order, "order");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(trade, "trade");
    }
}
