package dev.peregrine.ingest.application;

import dev.peregrine.ingest.application.port.out.FeedLoop;
import dev.peregrine.ingest.application.port.out.FeedMetrics;
import dev.peregrine.ingest.application.port.out.StreamConnector;
import dev.peregrine.ingest.domain.live.BackfillReason;
import dev.peregrine.ingest.domain.live.ConnectionEventType;
import dev.peregrine.ingest.domain.live.ReconnectBackoff;
import dev.peregrine.ingest.domain.live.Shard;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live feed's connection management: opens each shard's connection, backfills its kline series over REST
 * whenever it opens ({@link LivePipeline}), reopens one that drops, fails to open, overflows the message queue or
 * goes silent after an exponential back-off with jitter, and replaces one that reaches {@code plannedReconnect}
 * before Binance's 24-hour cut-off by opening the new connection first and closing the old one once the new one is
 * open (messages of the old one count until then). Kept apart from {@link LiveFeed} (which plans the shards from the
 * instruments and reports the status) because this state machine is the part that needs its own reading.
 *
 * <p>Runs on the {@link FeedLoop}'s single thread: each connection's callbacks carry the connection they belong to,
 * so that those of a replaced connection are ignored. Connections are only ever closed one by one: the connector's
 * {@code closeAllConnections} would shut down the HTTP dispatcher shared by every stream client of the JVM.
 */
final class ConnectionManager {

    /** Logs under the feed's name, the one its operators already filter on. */
    private static final Logger log = LoggerFactory.getLogger(LiveFeed.class);

    private final LiveFeedSettings settings;
    private final StreamConnector connector;
    private final LivePipeline pipeline;
    private final FeedLoop loop;
    private final ConnectionAudit audit;
    private final FeedMetrics metrics;
    private final Clock clock;
    private final ReconnectBackoff backoff;
    private final MessageHandoff handoff;
    private final Runnable statusChanged;
    private final List<ShardState> shards = new ArrayList<>();
    private long connectionNumber;
    private boolean closed;

    ConnectionManager(
            LiveFeedSettings settings,
            StreamConnector connector,
            LivePipeline pipeline,
            FeedLoop loop,
            ConnectionAudit audit,
            FeedMetrics metrics,
            Clock clock,
            ReconnectBackoff backoff,
            Runnable statusChanged) {
        this.settings = settings;
        this.connector = connector;
        this.pipeline = pipeline;
        this.loop = loop;
        this.audit = audit;
        this.metrics = metrics;
        this.clock = clock;
        this.backoff = backoff;
        this.statusChanged = statusChanged;
        this.handoff = new MessageHandoff(loop, metrics, clock, settings.maxQueuedMessages());
    }

    List<ShardState> shards() {
        return shards;
    }

    /** Adds the shard and opens its first connection after {@code delay}. */
    void open(Shard shard, Instant since, Duration delay) {
        ShardState state = new ShardState(shard, since);
        shards.add(state);
        state.reconnect = loop.schedule(delay, () -> connect(state, false));
    }

    /** Closes every connection and cancels their timers; nothing reconnects after this. */
    void closeAll() {
        closed = true;
        for (ShardState shard : shards) {
            shard.cancelTimers();
            closeQuietly(shard.retiring);
            closeQuietly(shard.current);
        }
    }

    /** Opens a new connection for the shard; with {@code planned} the current one stays until the new one is open. */
    private void connect(ShardState shard, boolean planned) {
        if (closed) {
            return;
        }
        FeedConnection connection = new FeedConnection(++connectionNumber);
        if (planned) {
            shard.retiring = shard.current;
        }
        shard.current = connection;
        StreamConnector.StreamListener listener = new StreamConnector.StreamListener() {
            @Override
            public void onOpen() {
                loop.execute(() -> opened(shard, connection));
            }

            @Override
            public void onMessage(String text) {
                // On the connector's thread: the queue to the feed thread is bounded there.
                handoff.offer(connection, () -> message(shard, connection, text), () -> overflowed(shard, connection));
            }

            @Override
            public void onClosed(String reason) {
                loop.execute(() -> ended(shard, connection, reason));
            }
        };
        try {
            connection.handle = connector.open(shard.shard.streamNames(), listener);
        } catch (RuntimeException e) {
            ended(shard, connection, "could not open: " + e.getMessage());
        }
    }

    private void opened(ShardState shard, FeedConnection connection) {
        if (closed || connection != shard.current || connection.ended) {
            return;
        }
        connection.open = true;
        Instant now = clock.instant();
        connection.openedAt = now;
        boolean reconnect = shard.everOpen;
        audit.record(
                ConnectionEventType.CONNECTED,
                shard.shard.name(),
                shard.shard.streamNames().size() + " stream(s)"
                        + (reconnect
                                ? ", reconnected"
                                        + (shard.attempts > 0 ? " after " + shard.attempts + " attempt(s)" : "")
                                : "")
                        + " (connection " + connection.describe() + ")");
        shard.everOpen = true;
        shard.attempts = 0;
        shard.since = now;
        if (shard.retiring != null) {
            FeedConnection old = shard.retiring;
            shard.retiring = null;
            old.ended = true;
            closeQuietly(old);
        }
        shard.cancelTimers();
        shard.planned = loop.schedule(settings.plannedReconnect(), () -> plannedReconnect(shard, connection));
        statusChanged.run();
        pipeline.backfill(shard.shard.klineSeries(), reconnect ? BackfillReason.RECONNECT : BackfillReason.STARTUP);
    }

    private void message(ShardState shard, FeedConnection connection, String text) {
        boolean fromCurrent = connection == shard.current && connection.open;
        boolean fromRetiring = connection == shard.retiring && !shard.current.open && !connection.ended;
        if (fromCurrent || fromRetiring) {
            pipeline.message(text);
        }
    }

    private void ended(ShardState shard, FeedConnection connection, String reason) {
        ended(shard, connection, reason, "dropped");
    }

    /** @param cause the reconnect's metric tag: dropped, overflow or silent */
    private void ended(ShardState shard, FeedConnection connection, String reason, String cause) {
        if (connection.ended) {
            return;
        }
        connection.ended = true;
        boolean wasOpen = connection.open;
        connection.open = false;
        closeQuietly(connection);
        if (closed) {
            return;
        }
        if (connection == shard.retiring) {
            shard.retiring = null;
            audit.record(
                    ConnectionEventType.DISCONNECTED,
                    shard.shard.name(),
                    reason + " (connection " + connection.describe() + ", being replaced)");
            if (!shard.current.open) {
                shard.since = clock.instant();
                pipeline.tradesInterrupted(shard.shard.tradeSymbols());
                statusChanged.run();
            }
            return;
        }
        if (connection != shard.current) {
            return;
        }
        audit.record(
                ConnectionEventType.DISCONNECTED,
                shard.shard.name(),
                reason + (wasOpen ? "" : " (never opened)") + " (connection " + connection.describe() + ")");
        if (shard.retiring != null && shard.retiring.open) {
            // The replacement of a planned reconnect failed; the old connection carries on and it is tried again.
            shard.current = shard.retiring;
            shard.retiring = null;
            shard.cancelTimers();
            shard.attempts++;
            var delay = backoff.delay(shard.attempts);
            FeedConnection kept = shard.current;
            shard.planned = loop.schedule(delay, () -> plannedReconnect(shard, kept));
            return;
        }
        if (wasOpen) {
            shard.since = clock.instant();
        }
        shard.cancelTimers();
        pipeline.tradesInterrupted(shard.shard.tradeSymbols());
        shard.attempts++;
        var delay = backoff.delay(shard.attempts);
        log.info("{}: reconnecting in {} (attempt {})", shard.shard.name(), delay, shard.attempts);
        shard.reconnect = loop.schedule(delay, () -> {
            audit.record(
                    ConnectionEventType.RECONNECTING,
                    shard.shard.name(),
                    "attempt " + shard.attempts + " after " + delay.toMillis() + " ms back-off");
            metrics.reconnect(cause);
            connect(shard, false);
        });
        statusChanged.run();
    }

    /**
     * The connection's messages came faster than the feed thread handles them and the queue is full: rather than grow
     * without bound or drop messages silently, the connection is closed and reconnected after the back-off, and the
     * reconnect's backfill brings the closed klines it missed from REST. Its messages still queued are ignored like
     * those of any ended connection.
     */
    private void overflowed(ShardState shard, FeedConnection connection) {
        if (closed || connection.ended) {
            return;
        }
        log.warn(
                "{}: more than {} stream messages wait for the feed thread; closing connection {} and reconnecting "
                        + "with a backfill",
                shard.shard.name(),
                settings.maxQueuedMessages(),
                connection.describe());
        ended(
                shard,
                connection,
                "overflow: more than " + settings.maxQueuedMessages() + " messages waiting for the "
                        + "feed thread (peregrine.ingest.binance.max-queued-messages)",
                "overflow");
    }

    /**
     * On every heartbeat: an open connection that has carried no message for {@code silenceTimeout} (a half-open TCP
     * connection, a stalled stream) is taken for dead, closed and reconnected with a backfill.
     */
    void checkSilence() {
        if (settings.silenceTimeout().isZero()) {
            return;
        }
        Instant now = clock.instant();
        for (ShardState shard : shards) {
            FeedConnection connection = shard.current;
            if (connection == null || !connection.open || connection.ended) {
                continue;
            }
            Instant last = connection.lastMessageAt;
            Instant heard = last == null || last.isBefore(connection.openedAt) ? connection.openedAt : last;
            if (Duration.between(heard, now).compareTo(settings.silenceTimeout()) > 0) {
                log.warn(
                        "{}: no message on connection {} since {} (silence-timeout {}); reconnecting with a backfill",
                        shard.shard.name(),
                        connection.describe(),
                        heard,
                        settings.silenceTimeout());
                ended(
                        shard,
                        connection,
                        "silent: no message since " + heard + ", more than " + settings.silenceTimeout()
                                + " (peregrine.ingest.binance.silence-timeout)",
                        "silent");
            }
        }
    }

    private void plannedReconnect(ShardState shard, FeedConnection connection) {
        if (closed || connection != shard.current || !connection.open) {
            return;
        }
        audit.record(
                ConnectionEventType.PLANNED_RECONNECT,
                shard.shard.name(),
                "connection " + connection.describe() + " is " + settings.plannedReconnect()
                        + " old: opening its replacement before closing it");
        metrics.reconnect("planned");
        connect(shard, true);
    }

    private static void closeQuietly(FeedConnection connection) {
        if (connection == null || connection.handle == null) {
            return;
        }
        try {
            connection.handle.close();
        } catch (RuntimeException e) {
            log.debug("Closing connection {} failed", connection.describe(), e);
        }
    }
}
