package dev.peregrine.risk.domain.portfolio;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * What the trades of one order applied so far added up to, so that the order's completion report (which
 * carries totals) applies only the rest.
 */
public record OrderProgress(BigDecimal quantity, BigDecimal quote, BigDecimal fee) {

    public static final OrderProgress NONE = new OrderProgress(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);

    public OrderProgress {
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(quote, "quote");
        Objects.requireNonNull(fee, "fee");
    }

    OrderProgress plus(Trade trade) {
        return new OrderProgress(
                quantity.add(trade.quantity()),
                Money18.capScale(quote.add(trade.quantity().multiply(trade.price()))),
                fee.add(trade.fee()));
    }
}
