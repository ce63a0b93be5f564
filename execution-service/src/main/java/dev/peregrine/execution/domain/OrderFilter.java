package dev.peregrine.execution.domain;

import dev.peregrine.common.value.Symbol;
import java.util.Optional;

/**
 * Which orders to list, newest first.
 *
 * @param symbol only this symbol, if present
 * @param state  only orders in this state, if present
 * @param limit  at most this many (1..{@value #MAX_LIMIT})
 */
public record OrderFilter(Optional<Symbol> symbol, Optional<OrderState> state, int limit) {

    public static final int MAX_LIMIT = 1000;

    public OrderFilter {
        symbol = symbol == null ? Optional.empty() : symbol;
        state = state == null ? Optional.empty() : state;
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be within 1.." + MAX_LIMIT + ": " + limit);
        }
    }
}
