package dev.peregrine.ingest.application;

import dev.peregrine.common.value.Symbol;
import dev.peregrine.ingest.application.port.in.FeedStatus;
import dev.peregrine.ingest.application.port.in.FeedStatusQuery;
import dev.peregrine.ingest.application.port.out.FeedLoop;
import dev.peregrine.ingest.application.port.out.FeedMetrics;
import dev.peregrine.ingest.application.port.out.InstrumentLookup;
import dev.peregrine.ingest.application.port.out.StreamConnector;
import dev.peregrine.ingest.domain.live.BackfillReason;
import dev.peregrine.ingest.domain.live.ConnectionEventType;
import dev.peregrine.ingest.domain.live.ReconnectBackoff;
import dev.peregrine.ingest.domain.live.Shard;
import dev.peregrine.ingest.domain.live.SubscriptionPlan;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;

/**
 * The live Binance feed's connections. At start it reads the configured symbols' trading rules (an unknown symbol
 * is logged as an error and not subscribed), plans the streams into connections of at most 1024, and opens them
 * {@code connectSpacing} apart. Whenever a connection opens, its kline series are backfilled over REST
 * ({@link LivePipeline}). A connection that drops or fails to open is reopened after an exponential back-off with
 * jitter; one that reaches {@code plannedReconnect} is replaced before Binance's 24-hour cut-off by opening the new
 * connection first and closing the old one once the new one is open (messages of the old one count until then).
 * The messages waiting for the feed thread are bounded ({@code maxQueuedMessages}): a connection whose message would
 * pass the bound is closed and reconnected, and its backfill brings the closed klines it missed; one that carries no
 * message for {@code silenceTimeout} is taken for dead and reconnected the same way.
 *
 * <p>Everything here runs on the {@link FeedLoop}'s single thread: the connector's callbacks are handed to it, so
 * there is no locking, and each connection's callbacks carry the connection they belong to so that those of a
 * replaced connection are ignored. Connections are only ever closed one by one: the connector's
 * {@code closeAllConnections} would shut down the HTTP dispatcher shared by every stream client of the JVM.
 */
public final class LiveFeed implements FeedStatusQuery, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LiveFeed.class);

    private final LiveFeedSettings settings;
    private final StreamConnector connector;
    private final LivePipeline pipeline;
    private final InstrumentSync instruments;
    private final FeedLoop loop;
    private final Executor restWorker;
    private final ConnectionAudit audit;
    private final FeedMetrics metrics;
    private final Clock clock;
    private final ReconnectBackoff backoff;
    private final List<ShardState> shards = new ArrayList<>();
    /** Stream messages handed to the loop and not yet handled, of every connection: at most maxQueuedMessages. */
    private final AtomicInteger queued = new AtomicInteger();
    private FeedLoop.Cancellable heartbeatTimer;
    private FeedLoop.Cancellable instrumentTimer;
    private SubscriptionPlan plan;
    private List<Symbol> unknownSymbols = List.of();
    private String problem;
    private int instrumentAttempts;
    private long connectionNumber;
    private boolean closed;
    private Instant startedAt;
    private volatile FeedStatus status;

    public LiveFeed(LiveFeedSettings settings, StreamConnector connector, LivePipeline pipeline,
                    InstrumentSync instruments, FeedLoop loop, Executor restWorker, ConnectionAudit audit,
                    FeedMetrics metrics, Clock clock, RandomGenerator random) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.connector = Objects.requireNonNull(connector, "connector");
        this.pipeline = Objects.requireNonNull(pipeline, "pipeline");
        this.instruments = Objects.requireNonNull(instruments, "instruments");
        this.loop = Objects.requireNonNull(loop, "loop");
        this.restWorker = Objects.requireNonNull(restWorker, "restWorker");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.backoff = new ReconnectBackoff(settings.reconnectInitialBackoff(), settings.reconnectMaxBackoff(),
                settings.reconnectJitter(), random);
        this.startedAt = clock.instant();
        this.status = new FeedStatus(startedAt, List.of(), List.of(), Optional.of("starting"));
        metrics.queuedMessages(queued::get);
    }

    /** Starts the feed on its loop; returns at once. */
    public void start() {
        loop.execute(() -> {
            startedAt = clock.instant();
            log.info("Starting the live Binance feed: symbols {}, intervals {}, streams {}", settings.symbols(),
                    settings.intervals(), settings.streams());
            publishStatus();
            refreshInstruments();
            scheduleHeartbeat();
        });
    }

    /** Closes every connection and stops the timers; the loop itself belongs to the caller. */
    @Override
    public void close() {
        loop.execute(() -> {
            closed = true;
            cancel(heartbeatTimer);
            cancel(instrumentTimer);
            for (ShardState shard : shards) {
                shard.cancelTimers();
                closeQuietly(shard.retiring);
                closeQuietly(shard.current);
            }
        });
    }

    @Override
    public FeedStatus feedStatus() {
        return status;
    }

    private void refreshInstruments() {
        if (closed) {
            return;
        }
        try {
            restWorker.execute(() -> {
                InstrumentLookup lookup;
                try {
                    lookup = instruments.refresh(settings.symbols());
                } catch (RuntimeException e) {
                    loop.execute(() -> instrumentsFailed(e));
                    return;
                }
                loop.execute(() -> instrumentsRefreshed(lookup));
            });
        } catch (RejectedExecutionException e) {
            log.debug("The REST thread is shut down; no instrument refresh", e);
        }
    }

    private void instrumentsRefreshed(InstrumentLookup lookup) {
        instrumentAttempts = 0;
        if (plan == null && !closed) {
            unknownSymbols = lookup.unknown();
            for (Symbol unknown : unknownSymbols) {
                log.error("peregrine.ingest.binance.symbols names {}, which Binance does not list (exchangeInfo: "
                        + "invalid symbol): it is not subscribed. Correct it or remove it from the list.", unknown);
            }
            List<Symbol> listed = settings.symbols().stream().filter(s -> !unknownSymbols.contains(s)).toList();
            plan = SubscriptionPlan.of(listed, settings.intervals(), settings.streams(),
                    settings.maxStreamsPerConnection());
            if (plan.shards().isEmpty()) {
                problem = "none of the configured symbols " + settings.symbols() + " is listed by Binance";
                log.error("The live feed has nothing to subscribe to: {}", problem);
            } else {
                log.info("Subscribing to {} stream(s) on {} connection(s)", plan.streamCount(), plan.shards().size());
            }
            for (Shard shard : plan.shards()) {
                ShardState state = new ShardState(shard, startedAt);
                shards.add(state);
                // Spaced so that a large plan does not open all its connections in the same instant.
                state.reconnect = loop.schedule(settings.connectSpacing().multipliedBy(shard.index() - 1L),
                        () -> connect(state, false));
            }
            publishStatus();
        }
        instrumentTimer = loop.schedule(settings.instrumentRefresh(), this::refreshInstruments);
    }

    private void instrumentsFailed(RuntimeException e) {
        if (plan == null) {
            instrumentAttempts++;
            var delay = backoff.delay(instrumentAttempts);
            problem = "could not read the instruments from Binance: " + e.getMessage();
            log.warn("Could not read the instruments from Binance (attempt {}): {}; trying again in {}",
                    instrumentAttempts, e.getMessage(), delay);
            publishStatus();
            instrumentTimer = loop.schedule(delay, this::refreshInstruments);
        } else {
            log.warn("Could not refresh the instruments from Binance: {}; trying again in {}", e.getMessage(),
                    settings.instrumentRefresh());
            instrumentTimer = loop.schedule(settings.instrumentRefresh(), this::refreshInstruments);
        }
    }

    private void scheduleHeartbeat() {
        if (closed) {
            return;
        }
        heartbeatTimer = loop.schedule(settings.heartbeat(), () -> {
            try {
                if (!closed) {
                    checkSilence();
                    pipeline.heartbeat();
                }
            } finally {
                scheduleHeartbeat();
            }
        });
    }

    private static void cancel(FeedLoop.Cancellable timer) {
        if (timer != null) {
            timer.cancel();
        }
    }

    /** Opens a new connection for the shard; with {@code planned} the current one stays until the new one is open. */
    private void connect(ShardState shard, boolean planned) {
        if (closed) {
            return;
        }
        Connection connection = new Connection(++connectionNumber);
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
                // On the connector's thread: the queue to the feed thread is bounded here.
                connection.lastMessageAt = clock.instant();
                if (connection.overflowed) {
                    metrics.messageShed();
                    return;
                }
                if (queued.incrementAndGet() > settings.maxQueuedMessages()) {
                    queued.decrementAndGet();
                    connection.overflowed = true;
                    metrics.queueOverflow();
                    metrics.messageShed();
                    loop.execute(() -> overflowed(shard, connection));
                    return;
                }
                loop.execute(() -> {
                    queued.decrementAndGet();
                    message(shard, connection, text);
                });
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

    private void opened(ShardState shard, Connection connection) {
        if (closed || connection != shard.current || connection.ended) {
            return;
        }
        connection.open = true;
        Instant now = clock.instant();
        connection.openedAt = now;
        boolean reconnect = shard.everOpen;
        audit.record(ConnectionEventType.CONNECTED, shard.shard.name(), shard.shard.streamNames().size() + " stream(s)"
                + (reconnect ? ", reconnected" + (shard.attempts > 0 ? " after " + shard.attempts + " attempt(s)" : "")
                : "") + " (connection " + connection.describe() + ")");
        shard.everOpen = true;
        shard.attempts = 0;
        shard.since = now;
        if (shard.retiring != null) {
            Connection old = shard.retiring;
            shard.retiring = null;
            old.ended = true;
            closeQuietly(old);
        }
        shard.cancelTimers();
        shard.planned = loop.schedule(settings.plannedReconnect(), () -> plannedReconnect(shard, connection));
        publishStatus();
        pipeline.backfill(shard.shard.klineSeries(), reconnect ? BackfillReason.RECONNECT : BackfillReason.STARTUP);
    }

    private void message(ShardState shard, Connection connection, String text) {
        boolean fromCurrent = connection == shard.current && connection.open;
        boolean fromRetiring = connection == shard.retiring && !shard.current.open && !connection.ended;
        if (fromCurrent || fromRetiring) {
            pipeline.message(text);
        }
    }

    private void ended(ShardState shard, Connection connection, String reason) {
        ended(shard, connection, reason, "dropped");
    }

    /** @param cause the reconnect's metric tag: dropped, overflow or silent */
    private void ended(ShardState shard, Connection connection, String reason, String cause) {
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
            audit.record(ConnectionEventType.DISCONNECTED, shard.shard.name(), reason + " (connection "
                    + connection.describe() + ", being replaced)");
            if (!shard.current.open) {
                shard.since = clock.instant();
                pipeline.tradesInterrupted(shard.shard.tradeSymbols());
                publishStatus();
            }
            return;
        }
        if (connection != shard.current) {
            return;
        }
        audit.record(ConnectionEventType.DISCONNECTED, shard.shard.name(), reason + (wasOpen ? "" : " (never opened)")
                + " (connection " + connection.describe() + ")");
        if (shard.retiring != null && shard.retiring.open) {
            // The replacement of a planned reconnect failed; the old connection carries on and it is tried again.
            shard.current = shard.retiring;
            shard.retiring = null;
            shard.cancelTimers();
            shard.attempts++;
            var delay = backoff.delay(shard.attempts);
            Connection kept = shard.current;
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
            audit.record(ConnectionEventType.RECONNECTING, shard.shard.name(), "attempt " + shard.attempts + " after "
                    + delay.toMillis() + " ms back-off");
            metrics.reconnect(cause);
            connect(shard, false);
        });
        publishStatus();
    }

    /**
     * The connection's messages came faster than the feed thread handles them and the queue is full: rather than grow
     * without bound or drop messages silently, the connection is closed and reconnected after the back-off, and the
     * reconnect's backfill brings the closed klines it missed from REST. Its messages still queued are ignored like
     * those of any ended connection.
     */
    private void overflowed(ShardState shard, Connection connection) {
        if (closed || connection.ended) {
            return;
        }
        log.warn("{}: more than {} stream messages wait for the feed thread; closing connection {} and reconnecting "
                + "with a backfill", shard.shard.name(), settings.maxQueuedMessages(), connection.describe());
        ended(shard, connection, "overflow: more than " + settings.maxQueuedMessages() + " messages waiting for the "
                + "feed thread (peregrine.ingest.binance.max-queued-messages)", "overflow");
    }

    /**
     * On every heartbeat: an open connection that has carried no message for {@code silenceTimeout} (a half-open TCP
     * connection, a stalled stream) is taken for dead, closed and reconnected with a backfill.
     */
    private void checkSilence() {
        if (settings.silenceTimeout().isZero()) {
            return;
        }
        Instant now = clock.instant();
        for (ShardState shard : shards) {
            Connection connection = shard.current;
            if (connection == null || !connection.open || connection.ended) {
                continue;
            }
            Instant last = connection.lastMessageAt;
            Instant heard = last == null || last.isBefore(connection.openedAt) ? connection.openedAt : last;
            if (Duration.between(heard, now).compareTo(settings.silenceTimeout()) > 0) {
                log.warn("{}: no message on connection {} since {} (silence-timeout {}); reconnecting with a backfill",
                        shard.shard.name(), connection.describe(), heard, settings.silenceTimeout());
                ended(shard, connection, "silent: no message since " + heard + ", more than "
                        + settings.silenceTimeout() + " (peregrine.ingest.binance.silence-timeout)", "silent");
            }
        }
    }

    private void plannedReconnect(ShardState shard, Connection connection) {
        if (closed || connection != shard.current || !connection.open) {
            return;
        }
        audit.record(ConnectionEventType.PLANNED_RECONNECT, shard.shard.name(), "connection " + connection.describe()
                + " is " + settings.plannedReconnect() + " old: opening its replacement before closing it");
        metrics.reconnect("planned");
        connect(shard, true);
    }

    private void closeQuietly(Connection connection) {
        if (connection == null || connection.handle == null) {
            return;
        }
        try {
            connection.handle.close();
        } catch (RuntimeException e) {
            log.debug("Closing connection {} failed", connection.describe(), e);
        }
    }

    private void publishStatus() {
        List<FeedStatus.Connection> connections = shards.stream()
                .map(s -> new FeedStatus.Connection(s.shard.name(), s.shard.subscriptions().size(),
                        s.current != null && s.current.open || s.retiring != null && s.retiring.open, s.since))
                .toList();
        status = new FeedStatus(startedAt, connections, unknownSymbols, Optional.ofNullable(problem));
        metrics.openConnections((int) connections.stream().filter(FeedStatus.Connection::open).count());
    }

    /** The connections of one shard and their timers. */
    private static final class ShardState {
        private final Shard shard;
        private Connection current;
        private Connection retiring;
        private boolean everOpen;
        private int attempts;
        /** When the shard last opened, or since when it has had no open connection. */
        private Instant since;
        private FeedLoop.Cancellable reconnect;
        private FeedLoop.Cancellable planned;

        ShardState(Shard shard, Instant since) {
            this.shard = shard;
            this.since = since;
        }

        void cancelTimers() {
            if (reconnect != null) {
                reconnect.cancel();
                reconnect = null;
            }
            if (planned != null) {
                planned.cancel();
                planned = null;
            }
        }
    }

    /** One WebSocket connection of a shard. */
    private static final class Connection {
        private final long number;
        private StreamConnector.StreamConnection handle;
        private boolean open;
        private boolean ended;
        /** When it opened; set on the feed thread. */
        private Instant openedAt;
        /** When its last message arrived; written by the connector's thread as the message arrives. */
        private volatile Instant lastMessageAt;
        /** Set by the connector's thread once its messages overflowed the queue: the rest are shed until it closes. */
        private volatile boolean overflowed;

        Connection(long number) {
            this.number = number;
        }

        String describe() {
            return "#" + number + (handle == null ? "" : " " + handle.id());
        }
    }

    @Override
    public String toString() {
        return "LiveFeed" + settings.symbols().stream().map(Symbol::value).collect(Collectors.joining(",", "[", "]"));
    }
}
