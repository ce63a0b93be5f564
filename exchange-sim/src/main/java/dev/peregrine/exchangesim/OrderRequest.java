package dev.peregrine.exchangesim;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * A new order's parameters after syntax checks: exactly one of quantity and quoteOrderQty (the latter for MARKET
 * only), a price and timeInForce for LIMIT only.
 */
record OrderRequest(
        String symbol,
        SpotOrder.Side side,
        SpotOrder.Type type,
        SpotOrder.TimeInForce timeInForce,
        Optional<BigDecimal> quantity,
        Optional<BigDecimal> quoteOrderQty,
        Optional<BigDecimal> price,
        Optional<String> newClientOrderId) {}
