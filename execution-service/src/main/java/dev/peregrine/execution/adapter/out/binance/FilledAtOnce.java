package dev.peregrine.execution.adapter.out.binance;

import dev.peregrine.common.value.Money;
import dev.peregrine.common.value.Price;
import dev.peregrine.execution.application.port.out.VenueLookup;
import dev.peregrine.execution.domain.Fill;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Orders Binance filled in its answer to the send (a MARKET order's FULL answer carries its trades), kept until the
 * lookup that follows the send asks for them: that lookup then costs no request (a GET order and a myTrades would cost
 * 24 of the minute's request weight). Bounded: an entry nobody asked for is dropped after {@link #CAPACITY} newer ones,
 * and the lookup then asks Binance as usual.
 */
final class FilledAtOnce {

    /** An average price's decimals: Binance's prices have at most 8, a price at most 18 (common's bound). */
    private static final int AVERAGE_SCALE = 18;

    private static final int CAPACITY = 1000;

    private final Map<String, VenueLookup.Executed> executions = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, VenueLookup.Executed> eldest) {
            return size() > CAPACITY;
        }
    };

    /** Keeps the fill of {@code placed} if the answer settles it: FILLED, its trades adding up, one commission asset. */
    synchronized void remember(PlacedOrder placed) {
        List<PlacedOrder.Fill> trades = placed.fills();
        if (placed.status() != VenueOrderStatus.FILLED
                || trades.isEmpty()
                || placed.executedQty().signum() <= 0) {
            return;
        }
        List<String> assets = trades.stream()
                .map(PlacedOrder.Fill::commissionAsset)
                .distinct()
                .toList();
        BigDecimal traded = trades.stream().map(PlacedOrder.Fill::qty).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (assets.size() != 1 || traded.compareTo(placed.executedQty()) != 0) {
            return;
        }
        BigDecimal commission =
                trades.stream().map(PlacedOrder.Fill::commission).reduce(BigDecimal.ZERO, BigDecimal::add);
        Price average = Price.of(placed.cummulativeQuoteQty()
                .divide(placed.executedQty(), AVERAGE_SCALE, RoundingMode.HALF_EVEN)
                .stripTrailingZeros());
        Fill fill = new Fill(
                average, Money.of(commission.toPlainString(), assets.getFirst()), placed.transactTime(), average);
        executions.put(placed.clientOrderId(), new VenueLookup.Executed(String.valueOf(placed.orderId()), fill));
    }

    /** The remembered execution of {@code clientOrderId}, once. */
    synchronized Optional<VenueLookup.Executed> take(String clientOrderId) {
        return Optional.ofNullable(executions.remove(clientOrderId));
    }
}
