package dev.peregrine.risk.application;

import dev.peregrine.risk.domain.OrderIntent;
import dev.peregrine.risk.domain.RecordedDecision;
import dev.peregrine.risk.domain.control.ControlTransition;
import dev.peregrine.risk.domain.portfolio.Position;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** What one fact or command did to the book, gathered while it is applied, then stored and announced. */
final class BookChange {

    final String factKey;
    final Instant at;
    final List<RecordedDecision> decisions = new ArrayList<>();
    final List<OrderIntent> intents = new ArrayList<>();
    final List<Position> positions = new ArrayList<>();
    final List<ControlTransition> transitions = new ArrayList<>();
    final List<String> anomalies = new ArrayList<>();
    /** Whether the account's value changed enough to announce it (fills, transitions, a new market hour). */
    boolean announceValuation;

    BookChange(String factKey, Instant at) {
        this.factKey = factKey;
        this.at = at;
    }
}
