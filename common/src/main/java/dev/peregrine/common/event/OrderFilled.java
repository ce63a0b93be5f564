package dev.peregrine.common.event;

import dev.peregrine.common.value.Money;
import dev.peregrine.common.value.Price;
import dev.peregrine.common.value.Quantity;
import dev.peregrine.common.value.Side;
import dev.peregrine.common.value.Symbol;
import java.util.Objects;
import java.util.UUID;

/**
 * The order was filled completely: {@code quantity} in all at the average {@code fillPrice}, paying {@code fee}
 * in all (in the asset the venue charged). When partial fills were reported before it, this report still
 * carries the order's totals; a consumer applies only what the partial reports did not.
 *
 * @param purpose entry, exit, or one leg of the protective pair
 */
public record OrderFilled(
        Envelope envelope,
        String clientOrderId,
        UUID intentId,
        String strategyId,
        Symbol symbol,
        Side side,
        Quantity quantity,
        Price fillPrice,
        Money fee,
        String venue,
        String venueOrderId,
        OrderPurpose purpose)
        implements ExecutionReportEvent {

    public OrderFilled {
        Objects.requireNonNull(envelope, "envelope");
        Objects.requireNonNull(clientOrderId, "clientOrderId");
        Objects.requireNonNull(intentId, "intentId");
        Objects.requireNonNull(strategyId, "strategyId");
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(fillPrice, "fillPrice");
        Objects.requireNonNull(fee, "fee");
        Objects.requireNonNull(venue, "venue");
        Objects.requireNonNull(venueOrderId, "venueOrderId");
        Objects.requireNonNull(purpose, "purpose");
        if (quantity.isZero()) {
            throw new IllegalArgumentException("a fill has a positive quantity");
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
