package dev.peregrine.execution.domain;

import dev.peregrine.common.value.Money;
import dev.peregrine.common.value.Price;

import java.time.Instant;
import java.util.Objects;

/**
 * A complete execution of an order at the venue.
 *
 * @param marketTime the market instant the order executed at (for the paper venue: the fill candle's open time)
 */
public record Fill(Price price, Money fee, Instant marketTime) {

    public Fill {
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(fee, "fee");
        Objects.requireNonNull(marketTime, "marketTime");
        if (fee.amount().signum() < 0) {
            throw new IllegalArgumentException("a fee must not be negative: " + fee);
        }
    }
}
