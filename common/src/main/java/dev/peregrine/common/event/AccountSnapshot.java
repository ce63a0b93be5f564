package dev.peregrine.common.event;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * The venue's own word on the account's balances (Binance {@code outboundAccountPosition} or
 * {@code GET /api/v3/account}). Risk seeds its cash from the first one on a live venue and records, never
 * silently overwrites, any later difference.
 *
 * @param balances every asset the venue reported, free and locked
 */
public record AccountSnapshot(Envelope envelope, String venue, List<AssetBalance> balances) implements AccountEvent {

    /** One asset's balance: {@code free} can be spent, {@code locked} is held by open orders. */
    public record AssetBalance(String asset, BigDecimal free, BigDecimal locked) {

        public AssetBalance {
            Objects.requireNonNull(asset, "asset");
            Objects.requireNonNull(free, "free");
            Objects.requireNonNull(locked, "locked");
            if (free.signum() < 0 || locked.signum() < 0) {
                throw new IllegalArgumentException("balances are not negative: " + asset + " free "
                        + free.toPlainString() + ", locked " + locked.toPlainString());
            }
        }

        public BigDecimal total() {
            return free.add(locked);
        }
    }

    public AccountSnapshot {
        Objects.requireNonNull(envelope, "envelope");
        Objects.requireNonNull(venue, "venue");
        balances = List.copyOf(Objects.requireNonNull(balances, "balances"));
    }

    @Override
    public String key() {
        return venue;
    }
}
