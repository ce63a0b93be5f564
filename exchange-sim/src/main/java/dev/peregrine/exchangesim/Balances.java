package dev.peregrine.exchangesim;

import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;

/**
 * Free and locked amounts per asset. Not thread-safe: the {@link MatchingEngine} guards it. Every debit checks
 * first, so a refused debit changes nothing.
 */
final class Balances {

    /** One asset's amounts. */
    record Amounts(BigDecimal free, BigDecimal locked) {
        static final Amounts ZERO = new Amounts(BigDecimal.ZERO, BigDecimal.ZERO);
    }

    private final Map<String, Amounts> byAsset = new TreeMap<>();

    Balances(Map<String, BigDecimal> starting) {
        starting.forEach((asset, amount) -> byAsset.put(asset, new Amounts(amount, BigDecimal.ZERO)));
    }

    Amounts of(String asset) {
        return byAsset.getOrDefault(asset, Amounts.ZERO);
    }

    BigDecimal free(String asset) {
        return of(asset).free();
    }

    /** Every asset ever held, alphabetically. */
    Map<String, Amounts> all() {
        return Map.copyOf(byAsset);
    }

    Iterable<Map.Entry<String, Amounts>> entries() {
        return new TreeMap<>(byAsset).entrySet();
    }

    boolean covers(String asset, BigDecimal amount) {
        return free(asset).compareTo(amount) >= 0;
    }

    void lock(String asset, BigDecimal amount) {
        Amounts current = requireFree(asset, amount);
        byAsset.put(
                asset,
                new Amounts(current.free().subtract(amount), current.locked().add(amount)));
    }

    void unlock(String asset, BigDecimal amount) {
        Amounts current = of(asset);
        if (current.locked().compareTo(amount) < 0) {
            throw new IllegalStateException(
                    "cannot unlock " + amount + " " + asset + ", only " + current.locked() + " is locked");
        }
        byAsset.put(
                asset, new Amounts(current.free().add(amount), current.locked().subtract(amount)));
    }

    void debit(String asset, BigDecimal amount) {
        Amounts current = requireFree(asset, amount);
        byAsset.put(asset, new Amounts(current.free().subtract(amount), current.locked()));
    }

    void credit(String asset, BigDecimal amount) {
        Amounts current = of(asset);
        byAsset.put(asset, new Amounts(current.free().add(amount), current.locked()));
    }

    private Amounts requireFree(String asset, BigDecimal amount) {
        Amounts current = of(asset);
        if (current.free().compareTo(amount) < 0) {
            throw TradingRefusal.insufficientBalance();
        }
        return current;
    }
}
