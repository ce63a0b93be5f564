package dev.peregrine.risk.adapter.out.staticdata;

import dev.peregrine.common.value.Money;
import dev.peregrine.risk.application.port.out.EquitySource;

import java.util.Objects;

/**
 * Placeholder (first version): equity is a configured constant, so sizing ignores realised gains and losses
 * until a portfolio fed by fills replaces this adapter.
 */
public final class ConfiguredEquity implements EquitySource {

    private final Money equity;

    public ConfiguredEquity(Money equity) {
        this.equity = Objects.requireNonNull(equity, "equity");
    }

    @Override
    public Money currentEquity() {
        return equity;
    }
}
