package dev.peregrine.common.event;

import dev.peregrine.common.value.Price;
import dev.peregrine.common.value.Quantity;
import dev.peregrine.common.value.Symbol;
import java.util.Objects;

/**
 * A symbol's trading rules as the exchange states them in {@code exchangeInfo}: published when first seen
 * and whenever they change, so that risk and execution round prices and quantities the exchange accepts.
 *
 * @param status      the exchange's status, e.g. {@code TRADING}, {@code BREAK}, {@code HALT}
 * @param tickSize    price increment ({@code PRICE_FILTER})
 * @param stepSize    quantity increment ({@code LOT_SIZE})
 * @param minQuantity smallest order quantity ({@code LOT_SIZE minQty})
 * @param minNotional smallest price x quantity ({@code NOTIONAL} or {@code MIN_NOTIONAL})
 * @param maxQuantity       largest order quantity ({@code LOT_SIZE maxQty}); null when the exchange states none
 * @param marketMaxQuantity largest MARKET order quantity ({@code MARKET_LOT_SIZE maxQty}); null when none is stated
 * @param maxNotional       largest price x quantity ({@code NOTIONAL maxNotional}); null when none is stated
 */
public record InstrumentUpdated(
        Envelope envelope,
        Symbol symbol,
        String status,
        String baseAsset,
        String quoteAsset,
        Price tickSize,
        Price stepSize,
        Quantity minQuantity,
        Quantity minNotional,
        Quantity maxQuantity,
        Quantity marketMaxQuantity,
        Quantity maxNotional)
        implements InstrumentEvent {

    public InstrumentUpdated {
        Objects.requireNonNull(envelope, "envelope");
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(baseAsset, "baseAsset");
        Objects.requireNonNull(quoteAsset, "quoteAsset");
        Objects.requireNonNull(tickSize, "tickSize");
        Objects.requireNonNull(stepSize, "stepSize");
        Objects.requireNonNull(minQuantity, "minQuantity");
        Objects.requireNonNull(minNotional, "minNotional");
        if (stepSize.value().signum() <= 0 || tickSize.value().signum() <= 0) {
            throw new IllegalArgumentException("tickSize and stepSize must be positive");
        }
    }

    @Override
    public String key() {
        return symbol.value();
    }

    public boolean trading() {
        return "TRADING".equals(status);
    }
}
