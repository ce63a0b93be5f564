package dev.peregrine.risk.domain.portfolio;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/** The price a symbol is valued at: its latest closed candle's close (or, before any candle, its latest fill). */
public record Mark(BigDecimal price, Instant at) {

    public Mark {
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(at, "at");
        if (price.signum() <= 0) {
            throw new IllegalArgumentException("a mark is a positive price: " + price.toPlainString());
        }
    }
}
