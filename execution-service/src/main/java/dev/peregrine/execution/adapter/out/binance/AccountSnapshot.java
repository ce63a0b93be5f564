package dev.peregrine.execution.adapter.out.binance;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/** The spot account ({@code GET /api/v3/account}): whether it may trade and its balances. */
public record AccountSnapshot(boolean canTrade, boolean canWithdraw, List<Balance> balances) {

    public AccountSnapshot {
        balances = List.copyOf(balances);
    }

    public Optional<Balance> balance(String asset) {
        return balances.stream()
                .filter(balance -> balance.asset().equals(asset))
                .findFirst();
    }

    /** {@code free} can be spent; {@code locked} is held by open orders. */
    public record Balance(String asset, BigDecimal free, BigDecimal locked) {}
}
