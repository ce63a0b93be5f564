package dev.peregrine.risk.domain.portfolio;

import dev.peregrine.common.event.OrderPurpose;
import dev.peregrine.common.value.Side;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The orders risk sent that have not ended: what each may still spend or sell (its reservation) and what its trades
 * applied so far (its progress). Kept apart from {@link Portfolio}'s cash and positions because an order's life
 * (reserve, trade, complete, release) is bookkeeping of its own; the portfolio asks it what is promised.
 */
final class OrdersInFlight {

    private final Map<String, Reservation> reservations = new LinkedHashMap<>();
    private final Map<String, OrderProgress> progress = new TreeMap<>();

    List<Reservation> reservations() {
        return List.copyOf(reservations.values());
    }

    Map<String, OrderProgress> progress() {
        return new TreeMap<>(progress);
    }

    Optional<Reservation> reservation(String clientOrderId) {
        return Optional.ofNullable(reservations.get(clientOrderId));
    }

    /** Idempotent by clientOrderId. */
    void reserve(Reservation reservation) {
        reservations.putIfAbsent(reservation.clientOrderId(), reservation);
    }

    /** Ends the order: its reservation is released (once) and its progress forgotten. */
    Optional<Reservation> release(String clientOrderId) {
        progress.remove(clientOrderId);
        return Optional.ofNullable(reservations.remove(clientOrderId));
    }

    /**
     * Counts the trade in its order's progress and lessens its reservation by what the trade spent or sold.
     *
     * @return the reservation as it was before the trade, null when the order has none
     */
    Reservation traded(Trade trade) {
        progress.merge(trade.clientOrderId(), OrderProgress.NONE.plus(trade), (a, b) -> a.plus(trade));
        Reservation reservation = reservations.get(trade.clientOrderId());
        if (reservation != null) {
            reservations.put(
                    trade.clientOrderId(),
                    reservation.lessen(
                            trade.side() == Side.BUY
                                    ? Money18.capScale(trade.quantity().multiply(trade.price()))
                                    : BigDecimal.ZERO,
                            trade.side() == Side.SELL ? trade.quantity() : BigDecimal.ZERO));
        }
        return reservation;
    }

    /**
     * What an order's completion totals add to the trades already applied: the rest of the quantity at the rest's
     * average price, with the rest of the fee. Empty when the earlier trades covered everything.
     */
    Optional<Trade> rest(Trade totals) {
        OrderProgress done = progress.getOrDefault(totals.clientOrderId(), OrderProgress.NONE);
        BigDecimal restQuantity = totals.quantity().subtract(done.quantity());
        if (restQuantity.signum() <= 0) {
            return Optional.empty();
        }
        BigDecimal restQuote =
                Money18.capScale(totals.quantity().multiply(totals.price())).subtract(done.quote());
        BigDecimal restPrice = Money18.divide(restQuote, restQuantity);
        BigDecimal restFee = totals.fee().subtract(done.fee()).max(BigDecimal.ZERO);
        return Optional.of(new Trade(
                totals.clientOrderId(),
                totals.key(),
                totals.side(),
                totals.purpose(),
                restQuantity,
                restPrice.signum() > 0 ? restPrice : totals.price(),
                restFee,
                totals.feeAsset(),
                totals.at()));
    }

    /** Base asset exits in flight are about to sell from the position. */
    BigDecimal promisedToExits(PositionKey key) {
        return reservations.values().stream()
                .filter(r -> r.purpose() == OrderPurpose.EXIT && r.key().equals(key))
                .map(Reservation::baseQuantity)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    boolean entryPending(PositionKey key) {
        return reservations.values().stream()
                .anyMatch(r -> r.purpose() == OrderPurpose.ENTRY && r.key().equals(key));
    }

    /** Quote asset held back for entries in flight. */
    BigDecimal quoteReserved() {
        return reservations.values().stream().map(Reservation::quoteAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    void restore(List<Reservation> restored, Map<String, OrderProgress> restoredProgress) {
        restored.forEach(r -> reservations.put(r.clientOrderId(), r));
        progress.putAll(restoredProgress);
    }
}
