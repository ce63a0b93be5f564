package dev.peregrine.risk.domain.portfolio;

import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The book against the venue's own balances: per asset the venue reported, book minus venue, exact; assets that agree
 * are left out. Only reported assets are compared: Binance's {@code outboundAccountPosition} carries just the assets
 * that changed, so an asset it does not name says nothing (a full {@code GET /api/v3/account} names every one). A
 * live book records each difference; it never copies the venue's figure over its own.
 */
final class BalanceDifferences {

    private BalanceDifferences() {}

    static Map<String, BigDecimal> between(Map<String, BigDecimal> book, Map<String, BigDecimal> venue) {
        TreeSet<String> assets = new TreeSet<>(venue.keySet());
        Map<String, BigDecimal> differences = new TreeMap<>();
        for (String asset : assets) {
            BigDecimal difference =
                    book.getOrDefault(asset, BigDecimal.ZERO).subtract(venue.getOrDefault(asset, BigDecimal.ZERO));
            if (difference.signum() != 0) {
                differences.put(asset, difference);
            }
        }
        return differences;
    }
}
