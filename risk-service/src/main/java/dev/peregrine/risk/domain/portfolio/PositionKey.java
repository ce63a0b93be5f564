package dev.peregrine.risk.domain.portfolio;

import dev.peregrine.common.value.Symbol;
import java.util.Objects;

/** Positions are kept per strategy and symbol, so each strategy's results can be judged on their own. */
public record PositionKey(String strategyId, Symbol symbol) implements Comparable<PositionKey> {

    public PositionKey {
        Objects.requireNonNull(strategyId, "strategyId");
        Objects.requireNonNull(symbol, "symbol");
        if (strategyId.isBlank()) {
            throw new IllegalArgumentException("strategyId must not be blank");
        }
    }

    @Override
    public int compareTo(PositionKey other) {
        int bySymbol = symbol.value().compareTo(other.symbol.value());
        return bySymbol != 0 ? bySymbol : strategyId.compareTo(other.strategyId);
    }

    @Override
    public String toString() {
        return strategyId + "/" + symbol.value();
    }
}
