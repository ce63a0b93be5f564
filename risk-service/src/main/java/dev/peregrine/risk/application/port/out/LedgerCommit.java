package dev.peregrine.risk.application.port.out;

import dev.peregrine.risk.domain.OrderIntent;
import dev.peregrine.risk.domain.RecordedDecision;
import dev.peregrine.risk.domain.control.ControlTransition;
import dev.peregrine.risk.domain.portfolio.Position;
import dev.peregrine.risk.domain.portfolio.Valuation;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Everything one fact changed, stored in one transaction: the fact's key (so it is applied once), the new book
 * state, and what it produced.
 *
 * @param factKey   identifies the fact (e.g. an order's completion); null for facts that are idempotent by nature
 *                  (a candle's mark)
 * @param valuation the account after the fact, for the equity curve (one point per market hour)
 * @param valuedAt  the book's market time for that valuation (its latest candle or fill): the hour the point is filed
 *                  under, never the older time of a late fact
 */
public record LedgerCommit(
        String factKey,
        BookState state,
        List<RecordedDecision> decisions,
        List<OrderIntent> intents,
        List<Position> positions,
        List<ControlTransition> transitions,
        List<String> anomalies,
        Valuation valuation,
        Instant valuedAt,
        Instant at) {

    public LedgerCommit {
        Objects.requireNonNull(state, "state");
        decisions = List.copyOf(decisions);
        intents = List.copyOf(intents);
        positions = List.copyOf(positions);
        transitions = List.copyOf(transitions);
        anomalies = List.copyOf(anomalies);
        Objects.requireNonNull(valuation, "valuation");
        Objects.requireNonNull(valuedAt, "valuedAt");
        Objects.requireNonNull(at, "at");
    }
}
