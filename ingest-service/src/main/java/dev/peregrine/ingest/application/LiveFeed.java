package dev.peregrine.ingest.application;

import dev.peregrine.common.value.Symbol;
import dev.peregrine.ingest.application.port.in.FeedStatus;
import dev.peregrine.ingest.application.port.in.ViewFeedStatus;
import dev.peregrine.ingest.application.port.out.FeedLoop;
import dev.peregrine.ingest.application.port.out.FeedMetrics;
import dev.peregrine.ingest.application.port.out.InstrumentLookup;
import dev.peregrine.ingest.application.port.out.StreamConnector;
import dev.peregrine.ingest.domain.live.ReconnectBackoff;
import dev.peregrine.ingest.domain.live.Shard;
import dev.peregrine.ingest.domain.live.SubscriptionPlan;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live Binance feed. At start it reads the configured symbols' trading rules (an unknown symbol is logged as an
 * error and not subscribed), plans the streams into connections of at most 1024, and has them opened
 * {@code connectSpacing} apart; it refreshes the trading rules every {@code instrumentRefresh}, runs the heartbeat
 * (silence check, STALE_STREAM, retries of unacknowledged events) and reports the {@link FeedStatus}.
 *
 * <p>The connections themselves (backfill on open, reconnects with back-off, planned replacement before Binance's
 * 24-hour cut-off, overflow and silence) are {@link ConnectionManager}'s; the bounded queue of messages from the
 * connector's threads is {@link MessageHandoff}'s. Everything else runs on the {@link FeedLoop}'s single thread: the
 * connector's callbacks are handed to it, so there is no locking.
 */
public final class LiveFeed implements ViewFeedStatus, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LiveFeed.class);

    private final LiveFeedSettings settings;
    private final LivePipeline pipeline;
    private final InstrumentSync instruments;
    private final FeedLoop loop;
    private final Executor restWorker;
    private final FeedMetrics metrics;
    private final Clock clock;
    private final ReconnectBackoff backoff;
    private final ConnectionManager connections;
    private FeedLoop.Cancellable heartbeatTimer;
    private FeedLoop.Cancellable instrumentTimer;
    private SubscriptionPlan plan;
    private List<Symbol> unknownSymbols = List.of();
    private String problem;
    private int instrumentAttempts;
    private boolean closed;
    private Instant startedAt;
    private volatile FeedStatus status;

    public LiveFeed(
            LiveFeedSettings settings,
            StreamConnector connector,
            LivePipeline pipeline,
            InstrumentSync instruments,
            FeedLoop loop,
            Executor restWorker,
            ConnectionAudit audit,
            FeedMetrics metrics,
            Clock clock,
            RandomGenerator random) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.pipeline = Objects.requireNonNull(pipeline, "pipeline");
        this.instruments = Objects.requireNonNull(instruments, "instruments");
        this.loop = Objects.requireNonNull(loop, "loop");
        this.restWorker = Objects.requireNonNull(restWorker, "restWorker");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.backoff = new ReconnectBackoff(
                settings.reconnectInitialBackoff(), settings.reconnectMaxBackoff(), settings.reconnectJitter(), random);
        this.startedAt = clock.instant();
        this.status = new FeedStatus(startedAt, List.of(), List.of(), Optional.of("starting"));
        this.connections = new ConnectionManager(
                settings,
                Objects.requireNonNull(connector, "connector"),
                pipeline,
                loop,
                Objects.requireNonNull(audit, "audit"),
                metrics,
                clock,
                backoff,
                this::publishStatus);
    }

    /** Starts the feed on its loop; returns at once. */
    public void start() {
        loop.execute(() -> {
            startedAt = clock.instant();
            log.info(
                    "Starting the live Binance feed: symbols {}, intervals {}, streams {}",
                    settings.symbols(),
                    settings.intervals(),
                    settings.streams());
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
            connections.closeAll();
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
                log.error(
                        "peregrine.ingest.binance.symbols names {}, which Binance does not list (exchangeInfo: "
                                + "invalid symbol): it is not subscribed. Correct it or remove it from the list.",
                        unknown);
            }
            List<Symbol> listed = settings.symbols().stream()
                    .filter(s -> !unknownSymbols.contains(s))
                    .toList();
            plan = SubscriptionPlan.of(
                    listed, settings.intervals(), settings.streams(), settings.maxStreamsPerConnection());
            if (plan.shards().isEmpty()) {
                problem = "none of the configured symbols " + settings.symbols() + " is listed by Binance";
                log.error("The live feed has nothing to subscribe to: {}", problem);
            } else {
                log.info(
                        "Subscribing to {} stream(s) on {} connection(s)",
                        plan.streamCount(),
                        plan.shards().size());
            }
            for (Shard shard : plan.shards()) {
                // Spaced so that a large plan does not open all its connections in the same instant.
                connections.open(shard, startedAt, settings.connectSpacing().multipliedBy(shard.index() - 1L));
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
            log.warn(
                    "Could not read the instruments from Binance (attempt {}): {}; trying again in {}",
                    instrumentAttempts,
                    e.getMessage(),
                    delay);
            publishStatus();
            instrumentTimer = loop.schedule(delay, this::refreshInstruments);
        } else {
            log.warn(
                    "Could not refresh the instruments from Binance: {}; trying again in {}",
                    e.getMessage(),
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
                    connections.checkSilence();
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

    private void publishStatus() {
        List<FeedStatus.Connection> shards = connections.shards().stream()
                .map(s -> new FeedStatus.Connection(
                        s.shard.name(), s.shard.subscriptions().size(), s.open(), s.since))
                .toList();
        status = new FeedStatus(startedAt, shards, unknownSymbols, Optional.ofNullable(problem));
        metrics.openConnections(
                (int) shards.stream().filter(FeedStatus.Connection::open).count());
    }

    @Override
    public String toString() {
        return "LiveFeed" + settings.symbols().stream().map(Symbol::value).collect(Collectors.joining(",", "[", "]"));
    }
}
