package dev.peregrine.risk.application.port.out;

import dev.peregrine.risk.domain.OrderIntent;
import dev.peregrine.risk.domain.RecordedDecision;
import dev.peregrine.risk.domain.control.ControlTransition;
import dev.peregrine.risk.domain.portfolio.Position;
import dev.peregrine.risk.domain.portfolio.Valuation;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Everything one fact changed, stored in one transaction: the fact's key (so it is applied once), the new book
 * state, and what it produced.
 *
 * <p>The book's state is built on demand ({@link #state()}), not with the commit: it copies the whole portfolio and
 * every symbol's daily closes, and a ledger that does not keep it (a backtest's) should not pay for it on every
 * candle. A ledger reads it inside {@link RiskLedger#commit}, which runs under the book's lock, so it is the state
 * the change left, the same as if it had been built up front.
 *
 * @param factKey   identifies the fact (e.g. an order's completion); null for facts that are idempotent by nature
 *                  (a candle's mark)
 * @param bookState builds the book's state as it is now; read it through {@link #state()}
 * @param valuation the account after the fact, for the equity curve (one point per market hour)
 * @param valuedAt  the book's market time for that valuation (its latest candle or fill): the hour the point is filed
 *                  under, never the older time of a late fact
 */
public record LedgerCommit(
        String factKey,
        Supplier<BookState> bookState,
        List<RecordedDecision> decisions,
        List<OrderIntent> intents,
        List<Position> positions,
        List<ControlTransition> transitions,
        List<String> anomalies,
        Valuation valuation,
        Instant valuedAt,
        Instant at) {

    public LedgerCommit {
        Objects.requireNonNull(bookState, "bookState");
        decisions = List.copyOf(decisions);
        intents = List.copyOf(intents);
        positions = List.copyOf(positions);
        transitions = List.copyOf(transitions);
        anomalies = List.copyOf(anomalies);
        Objects.requireNonNull(valuation, "valuation");
        Objects.requireNonNull(valuedAt, "valuedAt");
        Objects.requireNonNull(at, "at");
    }

    /**
     * The book's state after the change, built now: call it inside {@link RiskLedger#commit} (under the book's lock),
     * once per commit.
     */
    public BookState state() {
        return Objects.requireNonNull(bookState.get(), "state");
    }
}
