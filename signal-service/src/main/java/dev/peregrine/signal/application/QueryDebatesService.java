package dev.peregrine.signal.application;

import dev.peregrine.common.value.Interval;
import dev.peregrine.common.value.Symbol;
import dev.peregrine.signal.application.port.in.QueryDebates;
import dev.peregrine.signal.application.port.in.StoredDebate;
import dev.peregrine.signal.application.port.out.DebateReader;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** Reads stored debates; nothing to decide, so it only hands the question to the store. */
public final class QueryDebatesService implements QueryDebates {

    private final DebateReader reader;

    public QueryDebatesService(DebateReader reader) {
        this.reader = Objects.requireNonNull(reader, "reader");
    }

    @Override
    public Optional<StoredDebate> latest(Symbol symbol, Optional<Interval> interval) {
        return reader.latest(Objects.requireNonNull(symbol, "symbol"), Objects.requireNonNull(interval, "interval"));
    }

    @Override
    public Optional<StoredDebate> bySignal(UUID signalId) {
        return reader.bySignal(Objects.requireNonNull(signalId, "signalId"));
    }
}
