package dev.peregrine.ingest.domain.instrument;

import dev.peregrine.common.value.Symbol;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * A symbol of Binance's {@code exchangeInfo}: its status and the filters orders must meet.
 *
 * <p>The three upper limits are optional: Binance states "no limit" by a 0 (its filters treat 0 as disabled), and a
 * snapshot or an older answer may leave a filter out. Either becomes null here, so that a limit is either positive or
 * absent, and {@code 0.00000000} and a missing filter count as the same rules.
 *
 * @param tickSize          {@code PRICE_FILTER tickSize}
 * @param stepSize          {@code LOT_SIZE stepSize}
 * @param minQuantity       {@code LOT_SIZE minQty}
 * @param minNotional       {@code NOTIONAL minNotional}, or {@code MIN_NOTIONAL minNotional} on symbols that still have
 *                          it
 * @param maxQuantity       {@code LOT_SIZE maxQty}; null when none is stated
 * @param marketMaxQuantity {@code MARKET_LOT_SIZE maxQty}, the largest MARKET order; null when none is stated
 * @param maxNotional       {@code NOTIONAL maxNotional} ({@code MIN_NOTIONAL} has none); null when none is stated
 */
public record Instrument(
        Symbol symbol,
        String status,
        String baseAsset,
        String quoteAsset,
        BigDecimal tickSize,
        BigDecimal stepSize,
        BigDecimal minQuantity,
        BigDecimal minNotional,
        BigDecimal maxQuantity,
        BigDecimal marketMaxQuantity,
        BigDecimal maxNotional) {

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
        maxQuantity = limit(symbol, "LOT_SIZE maxQty", maxQuantity);
        marketMaxQuantity = limit(symbol, "MARKET_LOT_SIZE maxQty", marketMaxQuantity);
        maxNotional = limit(symbol, "NOTIONAL maxNotional", maxNotional);
    }

    /** Null for none (absent or 0, which Binance's filters read as disabled), else the positive limit. */
    private static BigDecimal limit(Symbol symbol, String name, BigDecimal value) {
        if (value == null || value.signum() == 0) {
            return null;
        }
        if (value.signum() < 0) {
            throw new IllegalArgumentException(
                    symbol + ": " + name + " cannot be negative, was " + value.toPlainString());
        }
        return value;
    }

    /**
     * Whether both state the same rules. Decimals are compared by value: Binance writes {@code 0.01000000}, a stored
     * row may read back as {@code 0.01}, and that is no change. A limit that appears, disappears or moves is a change.
     */
    public boolean sameAs(Instrument other) {
        return symbol.equals(other.symbol)
                && status.equals(other.status)
                && baseAsset.equals(other.baseAsset)
                && quoteAsset.equals(other.quoteAsset)
                && tickSize.compareTo(other.tickSize) == 0
                && stepSize.compareTo(other.stepSize) == 0
                && minQuantity.compareTo(other.minQuantity) == 0
                && minNotional.compareTo(other.minNotional) == 0
                && sameLimit(maxQuantity, other.maxQuantity)
                && sameLimit(marketMaxQuantity, other.marketMaxQuantity)
                && sameLimit(maxNotional, other.maxNotional);
    }

    private static boolean sameLimit(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    public boolean trading() {
        return "TRADING".equals(status);
    }
}
