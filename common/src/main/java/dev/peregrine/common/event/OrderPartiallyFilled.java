package dev.peregrine.common.event;

import dev.peregrine.common.value.Money;
import dev.peregrine.common.value.Price;
import dev.peregrine.common.value.Quantity;
import dev.peregrine.common.value.Side;
import dev.peregrine.common.value.Symbol;
import java.util.Objects;
import java.util.UUID;

/**
 * One trade of an order that is not yet complete (Binance {@code executionReport} with {@code x=TRADE},
 * {@code X=PARTIALLY_FILLED}). Consumers apply it once, keyed by {@code tradeId}.
 *
 * @param lastQuantity       what this trade executed
 * @param lastPrice          its price
 * @param fee                its fee, in the asset the venue charged
 * @param cumulativeQuantity what the order has executed so far, this trade included
 * @param tradeId            the venue's trade id, unique per symbol
 */
public record OrderPartiallyFilled(
        Envelope envelope,
        String clientOrderId,
        UUID intentId,
        String strategyId,
        Symbol symbol,
        Side side,
        OrderPurpose purpose,
        Quantity lastQuantity,
        Price lastPrice,
        Money fee,
        Quantity cumulativeQuantity,
        String tradeId,
        String venue,
        String venueOrderId)
        implements ExecutionReportEvent {

    public OrderPartiallyFilled {
        Objects.requireNonNull(envelope, "envelope");
        Objects.requireNonNull(clientOrderId, "clientOrderId");
        Objects.requireNonNull(intentId, "intentId");
        Objects.requireNonNull(strategyId, "strategyId");
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(lastQuantity, "lastQuantity");
        Objects.requireNonNull(lastPrice, "lastPrice");
        Objects.requireNonNull(fee, "fee");
        Objects.requireNonNull(cumulativeQuantity, "cumulativeQuantity");
        Objects.requireNonNull(tradeId, "tradeId");
        Objects.requireNonNull(venue, "venue");
        Objects.requireNonNull(venueOrderId, "venueOrderId");
        if (lastQuantity.isZero()) {
            throw new IllegalArgumentException("a trade has a positive quantity");
        }
        if (cumulativeQuantity.compareTo(lastQuantity) < 0) {
            throw new IllegalArgumentException(
                    "cumulativeQuantity " + cumulativeQuantity + " is below this trade's " + lastQuantity);
        }
        if (fee.amount().signum() < 0) {
            throw new IllegalArgumentException("a fee is not negative: " + fee);
        }
    }

    @Override
    public String key() {
        return symbol.value();
    }
}
