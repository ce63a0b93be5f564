package dev.peregrine.execution.adapter.in.userdata;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Keeps one subscribed user data stream alive. It connects to the WebSocket API, subscribes with
 * {@code userDataStream.subscribe.signature} and, once the venue accepts, reports a stream gap (a reconnect may have
 * missed events) and hands every event to {@link UserDataDispatch}, in order, on the thread
 * {@code user-data-events}. It connects again:
 * <ul>
 *   <li>on a plan, {@code reconnectAfter} after subscribing (Binance ends a connection at 24 h);</li>
 *   <li>at once on {@code serverShutdown}, {@code eventStreamTerminated}, a drop or a close by the server;</li>
 *   <li>when nothing has been heard for {@code silenceTimeout} (it pings every {@code pingEvery}), or the
 *       subscription was not answered within it;</li>
 *   <li>after a refused subscription or a failed connection, with a back-off ({@link ReconnectBackoff}); a -1021
 *       refusal measures the venue's clock again first.</li>
 * </ul>
 * Its state lives on one thread, {@code user-data-stream}; nothing it hears can stop it, only {@link #stop()}.
 */
public final class UserDataStream implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(UserDataStream.class);
    private static final int TIMESTAMP_REFUSED = -1021;
    private static final Duration STOP_WAIT = Duration.ofSeconds(5);

    private final UserDataSettings settings;
    private final SubscriptionSigner signer;
    private final VenueTimestamps timestamps;
    private final UserDataDispatch dispatch;
    private final UserDataMetrics metrics;
    private final Clock clock;
    private final ReconnectBackoff backoff;
    private final Callbacks callbacks = new Callbacks();
    private volatile boolean running;

    // Touched on the control thread only.
    private ScheduledThreadPoolExecutor control;
    private ExecutorService events;
    private HttpClient http;
    private UserDataConnection current;
    private Instant subscribedAt;
    private String connectedBecause;
    private ScheduledFuture<?> planned;
    private int connections;

    public UserDataStream(
            UserDataSettings settings,
            SubscriptionSigner signer,
            VenueTimestamps timestamps,
            UserDataDispatch dispatch,
            UserDataMetrics metrics,
            Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.signer = Objects.requireNonNull(signer, "signer");
        this.timestamps = Objects.requireNonNull(timestamps, "timestamps");
        this.dispatch = Objects.requireNonNull(dispatch, "dispatch");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.backoff = new ReconnectBackoff(settings.firstRetry(), settings.maxRetry());
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        control = new ScheduledThreadPoolExecutor(
                1, Thread.ofPlatform().name("user-data-stream").daemon(true).factory());
        control.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        events = Executors.newSingleThreadExecutor(
                Thread.ofPlatform().name("user-data-events").daemon(true).factory());
        http = HttpClient.newBuilder().connectTimeout(settings.connectTimeout()).build();
        running = true;
        onControl(() -> connect("start-up"));
        long ping = settings.pingEvery().toMillis();
        control.scheduleWithFixedDelay(guarded(this::watch), ping, ping, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        control.execute(guarded(this::retire));
        shutDown(control);
        shutDown(events);
        http.shutdownNow();
        metrics.connected(false);
        log.info("User data stream stopped");
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void connect(String why) {
        if (!running) {
            return;
        }
        int id = ++connections;
        try {
            UserDataConnection.open(http, settings.wsApiUrl(), settings.connectTimeout(), clock, id, callbacks)
                    .whenComplete((connection, failure) -> onControl(() -> opened(connection, failure, why)));
        } catch (RuntimeException refused) {
            reconnect(ReconnectReason.CONNECT_FAILED, refused.toString(), backoff.afterFailure(), why);
        }
    }

    private void opened(UserDataConnection connection, Throwable failure, String why) {
        if (!running) {
            if (connection != null) {
                connection.close();
            }
            return;
        }
        if (failure != null || connection.hasEnded()) {
            reconnect(
                    ReconnectReason.CONNECT_FAILED,
                    failure == null ? "it ended as it opened" : failure.toString(),
                    backoff.afterFailure(),
                    why);
            return;
        }
        current = connection;
        subscribedAt = null;
        connectedBecause = why;
        String request =
                SubscribeRequest.frame(requestId(connection), signer, timestamps.nowMillis(), settings.recvWindow());
        connection.send(request).whenComplete((sent, notSent) -> {
            if (notSent != null) {
                onControl(() -> lost(connection, ReconnectReason.DROPPED, "the subscription was not sent: " + notSent));
            }
        });
    }

    private void received(UserDataConnection connection, UserDataEvent event) {
        if (!running) {
            return;
        }
        metrics.event(event.type());
        if (UserDataDispatch.carriesData(event)) {
            // Also from a connection just replaced: a lookup too many is harmless, one too few is not.
            toEvents(() -> dispatch.dispatch(event));
            return;
        }
        if (connection != current) {
            return;
        }
        switch (event) {
            case UserDataEvent.Answer answer -> answered(connection, answer);
            case UserDataEvent.ServerShutdown shutdown ->
                lost(connection, ReconnectReason.SERVER_SHUTDOWN, "the server announced its shutdown");
            case UserDataEvent.StreamTerminated terminated ->
                lost(connection, ReconnectReason.STREAM_TERMINATED, "the venue ended the subscription");
            case UserDataEvent.Malformed malformed ->
                log.warn("A malformed user data frame on {} was dropped: {}", connection, malformed.why());
            default -> log.debug("User data frame ignored: {}", event);
        }
    }

    private void answered(UserDataConnection connection, UserDataEvent.Answer answer) {
        if (!answer.id().equals(requestId(connection)) || subscribedAt != null) {
            log.debug("An answer that is not the subscription's: {}", answer);
            return;
        }
        if (answer.ok()) {
            subscribedAt = clock.instant();
            metrics.connected(true);
            log.info(
                    "User data stream subscribed on {} (subscription {}) after {}",
                    connection,
                    answer.subscriptionId().map(String::valueOf).orElse("?"),
                    connectedBecause);
            planned = control.schedule(
                    guarded(() -> lost(
                            connection,
                            ReconnectReason.PLANNED,
                            "replaced " + settings.reconnectAfter() + " after subscribing")),
                    settings.reconnectAfter().toMillis(),
                    TimeUnit.MILLISECONDS);
            String why = connectedBecause;
            toEvents(() -> dispatch.gap(why));
            return;
        }
        String refusal = answer.errorCode() + " " + answer.errorMessage() + " (status " + answer.status() + ")";
        if (answer.errorCode() == TIMESTAMP_REFUSED) {
            resyncClock();
        }
        String why = connectedBecause;
        retire();
        reconnect(ReconnectReason.SUBSCRIPTION_REFUSED, refusal, backoff.afterFailure(), why);
    }

    /** Every {@code pingEvery}: replaces a silent connection, pings a live one. */
    private void watch() {
        UserDataConnection connection = current;
        if (connection == null) {
            return;
        }
        Duration open = Duration.between(connection.openedAt(), clock.instant());
        if (subscribedAt == null && open.compareTo(settings.silenceTimeout()) >= 0) {
            lost(connection, ReconnectReason.SILENT, "the subscription was not answered within " + open);
            return;
        }
        Duration quiet = connection.quietFor();
        if (quiet.compareTo(settings.silenceTimeout()) >= 0) {
            lost(connection, ReconnectReason.SILENT, "nothing heard for " + quiet);
            return;
        }
        connection.ping();
    }

    /** The current connection ended or is to be replaced: connect again, at once after a long enough life. */
    private void lost(UserDataConnection connection, ReconnectReason reason, String detail) {
        if (connection != current) {
            return;
        }
        Instant subscribed = subscribedAt;
        retire();
        Duration wait = subscribed == null
                ? backoff.afterFailure()
                : backoff.afterEnd(Duration.between(subscribed, clock.instant()));
        reconnect(reason, detail, wait, reason.tag() + ": " + detail);
    }

    private void reconnect(ReconnectReason reason, String detail, Duration wait, String why) {
        if (!running) {
            return;
        }
        metrics.reconnect(reason);
        if (reason == ReconnectReason.PLANNED) {
            log.info("User data stream: {}; connecting again in {}", detail, wait);
        } else {
            log.warn(
                    "User data stream {} ({}); connecting again in {} (failures in a row: {})",
                    reason.tag(),
                    detail,
                    wait,
                    backoff.failures());
        }
        control.schedule(guarded(() -> connect(why)), wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void retire() {
        if (planned != null) {
            planned.cancel(false);
            planned = null;
        }
        if (current != null) {
            current.close();
            current = null;
        }
        subscribedAt = null;
        metrics.connected(false);
    }

    private void resyncClock() {
        try {
            timestamps.resync();
        } catch (RuntimeException e) {
            log.warn("Measuring the venue's clock again failed: {}", e.getMessage());
        }
    }

    private static String requestId(UserDataConnection connection) {
        return "subscribe-" + connection.id();
    }

    /** In order, on {@code user-data-events}, so a slow lookup or reconciliation never holds up the connection. */
    private void toEvents(Runnable task) {
        try {
            events.execute(task);
        } catch (RejectedExecutionException stopped) {
            log.debug("User data stream stopped; an event was not handled");
        }
    }

    private void onControl(Runnable task) {
        try {
            control.execute(guarded(task));
        } catch (RejectedExecutionException stopped) {
            log.debug("User data stream stopped; {} not run", task);
        }
    }

    private static Runnable guarded(Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                log.error("A user data stream step failed; the stream goes on: {}", e.getMessage(), e);
            }
        };
    }

    private static void shutDown(ExecutorService executor) {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    /** The connections' callbacks, moved onto the control thread. */
    private final class Callbacks implements UserDataConnection.Handler {

        @Override
        public void received(UserDataConnection connection, UserDataEvent event) {
            onControl(() -> UserDataStream.this.received(connection, event));
        }

        @Override
        public void ended(UserDataConnection connection, ReconnectReason reason, String detail) {
            onControl(() -> lost(connection, reason, detail));
        }
    }
}
