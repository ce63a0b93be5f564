package dev.peregrine.exchangesim;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * Binance's symbol filters for a new order, in Binance's order: PRICE_FILTER (LIMIT), LOT_SIZE, MARKET_LOT_SIZE
 * (MARKET), then NOTIONAL or MIN_NOTIONAL. A failure is -1013 "Filter failure: NAME".
 */
final class OrderFilters {

    private OrderFilters() {}

    /**
     * @param quantity    the order's base quantity (for a MARKET order by quoteOrderQty: the quantity it buys)
     * @param marketPrice the price a MARKET order's notional is judged at (Binance: the average price); when
     *                    there is none, the MARKET notional is not checked
     */
    static void check(
            Instrument instrument, OrderRequest order, BigDecimal quantity, Optional<BigDecimal> marketPrice) {
        if (order.type() == SpotOrder.Type.LIMIT) {
            BigDecimal price = order.price().orElseThrow();
            if (price.compareTo(instrument.minPrice()) < 0
                    || price.compareTo(instrument.maxPrice()) > 0
                    || !onStep(price.subtract(instrument.minPrice()), instrument.tickSize())) {
                throw TradingRefusal.filterFailure("PRICE_FILTER");
            }
        }
        boolean byQuote = order.quoteOrderQty().isPresent();
        // A MARKET order by quote amount has no quantity before there is a price to divide by.
        boolean quantityKnown = !byQuote || quantity.signum() > 0;
        if (quantityKnown
                && (quantity.compareTo(instrument.minQty()) < 0
                        || quantity.compareTo(instrument.maxQty()) > 0
                        || !onStep(quantity.subtract(instrument.minQty()), instrument.stepSize()))) {
            throw TradingRefusal.filterFailure("LOT_SIZE");
        }
        if (order.type() == SpotOrder.Type.MARKET && quantity.compareTo(instrument.marketMaxQty()) > 0) {
            throw TradingRefusal.filterFailure("MARKET_LOT_SIZE");
        }
        Optional<BigDecimal> notionalPrice = order.type() == SpotOrder.Type.LIMIT ? order.price() : marketPrice;
        if (notionalPrice.isEmpty()) {
            return;
        }
        BigDecimal notional =
                byQuote ? order.quoteOrderQty().get() : notionalPrice.get().multiply(quantity);
        String filter = instrument.notionalFilter().name();
        if (notional.compareTo(instrument.minNotional()) < 0) {
            throw TradingRefusal.filterFailure(filter);
        }
        if (instrument.notionalFilter() == Instrument.NotionalFilter.NOTIONAL
                && order.type() == SpotOrder.Type.LIMIT
                && notional.compareTo(instrument.maxNotional()) > 0) {
            throw TradingRefusal.filterFailure(filter);
        }
    }

    /** Whether {@code value} is a whole multiple of {@code step}. */
    static boolean onStep(BigDecimal value, BigDecimal step) {
        return value.remainder(step).signum() == 0;
    }
}
