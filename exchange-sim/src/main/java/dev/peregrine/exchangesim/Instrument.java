package dev.peregrine.exchangesim;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * A symbol as {@code /api/v3/exchangeInfo} describes it: status, assets and the filters trading code needs
 * (PRICE_FILTER, LOT_SIZE, MARKET_LOT_SIZE and either NOTIONAL or the older MIN_NOTIONAL). The matching engine
 * enforces the same filters ({@link OrderFilters}).
 *
 * @param marketMaxQty the MARKET_LOT_SIZE maxQty (its minQty is 0 and its stepSize 0, i.e. LOT_SIZE's step rules)
 * @param maxNotional  the NOTIONAL filter's maxNotional (applied to LIMIT orders only, as applyMaxToMarket=false)
 */
public record Instrument(
        String symbol,
        String status,
        String baseAsset,
        String quoteAsset,
        BigDecimal minPrice,
        BigDecimal maxPrice,
        BigDecimal tickSize,
        BigDecimal minQty,
        BigDecimal maxQty,
        BigDecimal stepSize,
        BigDecimal minNotional,
        NotionalFilter notionalFilter,
        BigDecimal marketMaxQty,
        BigDecimal maxNotional) {

    /** Binance's usual MARKET_LOT_SIZE maxQty and NOTIONAL maxNotional for the big USDT pairs. */
    static final BigDecimal DEFAULT_MARKET_MAX_QTY = new BigDecimal("100.00000000");

    static final BigDecimal DEFAULT_MAX_NOTIONAL = new BigDecimal("9000000.00000000");

    /** Which of Binance's two notional filters the symbol carries. */
    public enum NotionalFilter {
        NOTIONAL,
        MIN_NOTIONAL
    }

    /** Quote assets tried, longest first, when a symbol has to be split without being told its assets. */
    private static final List<String> KNOWN_QUOTES =
            List.of("FDUSD", "USDT", "USDC", "BUSD", "TUSD", "BTC", "ETH", "BNB", "EUR", "TRY", "BRL");

    public Instrument {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(baseAsset, "baseAsset");
        Objects.requireNonNull(quoteAsset, "quoteAsset");
        Objects.requireNonNull(minPrice, "minPrice");
        Objects.requireNonNull(maxPrice, "maxPrice");
        Objects.requireNonNull(tickSize, "tickSize");
        Objects.requireNonNull(minQty, "minQty");
        Objects.requireNonNull(maxQty, "maxQty");
        Objects.requireNonNull(stepSize, "stepSize");
        Objects.requireNonNull(minNotional, "minNotional");
        Objects.requireNonNull(notionalFilter, "notionalFilter");
        Objects.requireNonNull(marketMaxQty, "marketMaxQty");
        Objects.requireNonNull(maxNotional, "maxNotional");
        if (!SeriesKey.SYMBOL.matcher(symbol).matches()) {
            throw new IllegalArgumentException(
                    "symbol '" + symbol + "' is not a Binance symbol (" + SeriesKey.SYMBOL.pattern() + ")");
        }
        if (!symbol.equals(baseAsset + quoteAsset)) {
            throw new IllegalArgumentException(
                    "symbol " + symbol + " is not baseAsset + quoteAsset (" + baseAsset + " + " + quoteAsset + ")");
        }
        if (tickSize.signum() <= 0 || stepSize.signum() <= 0) {
            throw new IllegalArgumentException(symbol + ": tickSize and stepSize must be positive");
        }
    }

    /** Without MARKET_LOT_SIZE and maxNotional: Binance's usual values for them. */
    public Instrument(
            String symbol,
            String status,
            String baseAsset,
            String quoteAsset,
            BigDecimal minPrice,
            BigDecimal maxPrice,
            BigDecimal tickSize,
            BigDecimal minQty,
            BigDecimal maxQty,
            BigDecimal stepSize,
            BigDecimal minNotional,
            NotionalFilter notionalFilter) {
        this(
                symbol,
                status,
                baseAsset,
                quoteAsset,
                minPrice,
                maxPrice,
                tickSize,
                minQty,
                maxQty,
                stepSize,
                minNotional,
                notionalFilter,
                DEFAULT_MARKET_MAX_QTY,
                DEFAULT_MAX_NOTIONAL);
    }

    /**
     * A TRADING symbol with the given filters, Binance's usual wide price and quantity bounds, and the current
     * NOTIONAL filter.
     */
    public static Instrument trading(
            String symbol,
            String baseAsset,
            String quoteAsset,
            String tickSize,
            String stepSize,
            String minQty,
            String minNotional) {
        return new Instrument(
                symbol,
                "TRADING",
                baseAsset,
                quoteAsset,
                new BigDecimal(tickSize),
                new BigDecimal("1000000.00000000"),
                new BigDecimal(tickSize),
                new BigDecimal(minQty),
                new BigDecimal("9000.00000000"),
                new BigDecimal(stepSize),
                new BigDecimal(minNotional),
                NotionalFilter.NOTIONAL);
    }

    /**
     * Placeholder filters (first version) for a symbol that has recorded klines but no configured instrument:
     * the assets are split at a known quote asset, tick 0.01, step 0.00001, minimum notional 5. Configure
     * the instrument explicitly whenever a test depends on the filter values.
     */
    public static Instrument withPlaceholderFilters(String symbol) {
        String quote = KNOWN_QUOTES.stream()
                .filter(candidate -> symbol.endsWith(candidate) && symbol.length() > candidate.length())
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "cannot tell the base and quote asset of " + symbol + "; configure its Instrument explicitly"));
        return trading(
                symbol,
                symbol.substring(0, symbol.length() - quote.length()),
                quote,
                "0.01000000",
                "0.00001000",
                "0.00001000",
                "5.00000000");
    }

    public Instrument withStatus(String newStatus) {
        return new Instrument(
                symbol,
                newStatus,
                baseAsset,
                quoteAsset,
                minPrice,
                maxPrice,
                tickSize,
                minQty,
                maxQty,
                stepSize,
                minNotional,
                notionalFilter,
                marketMaxQty,
                maxNotional);
    }

    public Instrument withNotionalFilter(NotionalFilter filter) {
        return new Instrument(
                symbol,
                status,
                baseAsset,
                quoteAsset,
                minPrice,
                maxPrice,
                tickSize,
                minQty,
                maxQty,
                stepSize,
                minNotional,
                filter,
                marketMaxQty,
                maxNotional);
    }

    /** Another MARKET_LOT_SIZE maxQty and NOTIONAL maxNotional. */
    public Instrument withMarketMaxQtyAndMaxNotional(String marketMaxQuantity, String maxNotionalValue) {
        return new Instrument(
                symbol,
                status,
                baseAsset,
                quoteAsset,
                minPrice,
                maxPrice,
                tickSize,
                minQty,
                maxQty,
                stepSize,
                minNotional,
                notionalFilter,
                new BigDecimal(marketMaxQuantity),
                new BigDecimal(maxNotionalValue));
    }
}
