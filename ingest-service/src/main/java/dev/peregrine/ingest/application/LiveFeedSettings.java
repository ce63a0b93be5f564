package dev.peregrine.ingest.application;

import dev.peregrine.common.value.Interval;
import dev.peregrine.common.value.Symbol;
import dev.peregrine.ingest.domain.live.StreamType;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * How the live feed connects: what it subscribes to and its timings (see {@code peregrine.ingest.binance.*}).
 *
 * @param connectSpacing           wait between opening one connection and the next at start-up
 * @param plannedReconnect         age at which a connection is replaced, before Binance cuts it at 24 hours
 * @param reconnectInitialBackoff  wait before the first reconnect after a drop, doubled per failed attempt
 * @param reconnectMaxBackoff      longest wait between reconnect attempts
 * @param reconnectJitter          share of a wait taken off at random (0 to 1)
 * @param instrumentRefresh        how often exchangeInfo is read again
 * @param heartbeat                how often STALE_STREAM is judged and unacknowledged events retried, and silence
 *                                 checked
 * @param maxQueuedMessages        stream messages (of all connections) that may wait for the feed thread; the
 *                                 connection whose message would pass it overflows: it is closed and reconnected with a
 *                                 backfill
 * @param silenceTimeout           an open connection without a message for this long is closed and reconnected with a
 *                                 backfill; zero never
 */
public record LiveFeedSettings(
        List<Symbol> symbols,
        List<Interval> intervals,
        Set<StreamType> streams,
        int maxStreamsPerConnection,
        Duration connectSpacing,
        Duration plannedReconnect,
        Duration reconnectInitialBackoff,
        Duration reconnectMaxBackoff,
        double reconnectJitter,
        Duration instrumentRefresh,
        Duration heartbeat,
        int maxQueuedMessages,
        Duration silenceTimeout) {

    public LiveFeedSettings {
        symbols = List.copyOf(symbols);
        intervals = List.copyOf(intervals);
        streams = Set.copyOf(streams);
        Objects.requireNonNull(connectSpacing, "connectSpacing");
        Objects.requireNonNull(plannedReconnect, "plannedReconnect");
        Objects.requireNonNull(reconnectInitialBackoff, "reconnectInitialBackoff");
        Objects.requireNonNull(reconnectMaxBackoff, "reconnectMaxBackoff");
        Objects.requireNonNull(instrumentRefresh, "instrumentRefresh");
        Objects.requireNonNull(heartbeat, "heartbeat");
        Objects.requireNonNull(silenceTimeout, "silenceTimeout");
        if (maxQueuedMessages < 1) {
            throw new IllegalArgumentException("maxQueuedMessages must be at least 1, was " + maxQueuedMessages);
        }
        if (silenceTimeout.isNegative()) {
            throw new IllegalArgumentException("silenceTimeout cannot be negative, was " + silenceTimeout);
        }
    }
}
