package dev.peregrine.ingest.application.port.in;

import dev.peregrine.common.value.Symbol;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The live feed's connections at one moment.
 *
 * @param startedAt      when the feed started; before its connections are planned it counts as down since then
 * @param connections    one per planned connection; empty until the instruments are known
 * @param unknownSymbols configured symbols the exchange does not list (not subscribed)
 * @param problem        why there are no connections, if there are none
 */
public record FeedStatus(
        Instant startedAt, List<Connection> connections, List<Symbol> unknownSymbols, Optional<String> problem) {

    public FeedStatus {
        Objects.requireNonNull(startedAt, "startedAt");
        connections = List.copyOf(connections);
        unknownSymbols = List.copyOf(unknownSymbols);
        Objects.requireNonNull(problem, "problem");
    }

    /**
     * One connection.
     *
     * @param since when it opened, or since when it has been down (for one never open: since the feed started)
     */
    public record Connection(String name, int streams, boolean open, Instant since) {
        public Connection {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(since, "since");
        }
    }

    /** Ready unless a connection (or the feed before it planned any) has been down for longer than {@code grace}. */
    public boolean ready(Instant now, Duration grace) {
        if (connections.isEmpty()) {
            return Duration.between(startedAt, now).compareTo(grace) <= 0;
        }
        return connections.stream()
                .allMatch(c -> c.open() || Duration.between(c.since(), now).compareTo(grace) <= 0);
    }
}
