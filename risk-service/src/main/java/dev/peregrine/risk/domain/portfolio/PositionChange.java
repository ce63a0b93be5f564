package dev.peregrine.risk.domain.portfolio;

import dev.peregrine.common.event.OrderPurpose;
import dev.peregrine.common.id.DerivedIds;
import dev.peregrine.common.value.Side;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * What one trade does to its strategy's position: a buy opens or adds to it, a sell reduces or closes it. Apart
 * from {@link Portfolio}, which books the trade's cash, because the position arithmetic (fees in units, a sell
 * clipped at what is held) is a rule of its own.
 *
 * @param after   the position after the trade; null when there was none and the trade was a sell
 * @param anomaly what the venue did that the book did not expect (a sell beyond the position)
 */
record PositionChange(Position after, Optional<String> anomaly) {

    /**
     * @param before      the position before the trade, null when none
     * @param reservation the order's reservation before the trade (the entry's signal and protection), null when none
     * @param base        the symbol's base asset
     */
    static PositionChange of(Position before, Trade trade, Reservation reservation, TradeFee fee, String base) {
        BigDecimal baseFee = fee.baseFee();
        if (trade.side() == Side.BUY) {
            Position after = before == null
                    ? Position.open(
                            DerivedIds.from("position", trade.clientOrderId()),
                            trade.key(),
                            trade.at(),
                            reservation == null ? null : reservation.entrySignalId(),
                            reservation == null ? null : reservation.stopLoss(),
                            reservation == null ? null : reservation.takeProfit(),
                            trade.quantity(),
                            trade.price(),
                            baseFee,
                            fee.quoteFee(),
                            fee.value(),
                            trade.clientOrderId())
                    : before.buy(
                            trade.quantity(),
                            trade.price(),
                            baseFee,
                            fee.quoteFee(),
                            fee.value(),
                            trade.clientOrderId());
            return new PositionChange(after, Optional.empty());
        }
        BigDecimal held = before == null ? BigDecimal.ZERO : before.quantity();
        BigDecimal leaving = trade.quantity().add(baseFee);
        Optional<String> anomaly = Optional.empty();
        if (before == null || leaving.compareTo(held) > 0) {
            // The venue sold more than this strategy's book holds: keep the cash the venue reports, clip the
            // position at zero, and say so. Never expected: exits sell only what is held.
            anomaly = Optional.of("SELL_EXCEEDS_POSITION: " + trade.clientOrderId() + " sold " + leaving.toPlainString()
                    + " " + base + " of " + trade.key() + ", which held " + held.toPlainString());
        }
        if (before == null) {
            return new PositionChange(null, anomaly);
        }
        BigDecimal sold = leaving.compareTo(held) > 0 ? held.subtract(baseFee).max(BigDecimal.ZERO) : trade.quantity();
        BigDecimal feeUnits = leaving.compareTo(held) > 0 ? held.subtract(sold) : baseFee;
        Position after = sold.signum() == 0 && feeUnits.signum() == 0
                ? before
                : before.sell(
                        sold,
                        trade.price(),
                        feeUnits,
                        fee.quoteFee(),
                        fee.value(),
                        trade.at(),
                        trade.clientOrderId(),
                        closeReasonOf(trade.purpose()));
        return new PositionChange(after, anomaly);
    }

    private static String closeReasonOf(OrderPurpose purpose) {
        return purpose == OrderPurpose.EXIT ? "EXIT" : purpose.name();
    }
}
