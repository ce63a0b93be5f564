package dev.peregrine.ingest.domain.instrument;

import dev.peregrine.common.value.Symbol;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A symbol of Binance's {@code exchangeInfo}: its status and the filters orders must meet.
 *
 * @param tickSize    {@code PRICE_FILTER tickSize}
 * @param stepSize    {@code LOT_SIZE stepSize}
 * @param minQuantity {@code LOT_SIZE minQty}
 * @param minNotional {@code NOTIONAL minNotional}, or {@code MIN_NOTIONAL minNotional} on symbols that still have it
 */
public record Instrument(Symbol symbol, String status, String baseAsset, String quoteAsset, BigDecimal tickSize,
                         BigDecimal stepSize, BigDecimal minQuantity, BigDecimal minNotional) {

    public Instrument {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(baseAsset, "baseAsset");
        Objects.requireNonNull(quoteAsset, "quoteAsset");
        Objects.requireNonNull(tickSize, "tickSize");
        Objects.requireNonNull(stepSize, "stepSize");
        Objects.requireNonNull(minQuantity, "minQuantity");
        Objects.requireNonNull(minNotional, "minNotional");
        if (tickSize.signum() <= 0 || stepSize.signum() <= 0) {
            throw new IllegalArgumentException(symbol + ": tickSize and stepSize must be positive, were "
                    + tickSize.toPlainString() + " and " + stepSize.toPlainString());
        }
        if (minQuantity.signum() < 0 || minNotional.signum() < 0) {
            throw new IllegalArgumentException(symbol + ": minQty and minNotional cannot be negative");
        }
    }

    /**
     * Whether both state the same rules. Decimals are compared by value: Binance writes {@code 0.01000000}, a stored
     * row may read back as {@code 0.01}, and that is no change.
     */
    public boolean sameAs(Instrument other) {
        return symbol.equals(other.symbol) && status.equals(other.status) && baseAsset.equals(other.baseAsset)
                && quoteAsset.equals(other.quoteAsset) && tickSize.compareTo(other.tickSize) == 0
                && stepSize.compareTo(other.stepSize) == 0 && minQuantity.compareTo(other.minQuantity) == 0
                && minNotional.compareTo(other.minNotional) == 0;
    }

    public boolean trading() {
        return "TRADING".equals(status);
    }
}
