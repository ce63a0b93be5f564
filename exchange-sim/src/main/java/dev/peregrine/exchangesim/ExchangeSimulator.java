package dev.peregrine.exchangesim;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A running Binance-compatible exchange: a REST server ({@link #restBaseUrl()}) and a WebSocket stream server
 * ({@link #wsBaseUrl()}) on real sockets, serving recorded market data on a simulated market clock.
 *
 * <p>Nothing is visible until released: {@link #advance(int)} releases the next klines of every series (each one
 * is sent as a closed kline on its {@code <symbol>@kline_<interval>} stream and from then on served by
 * {@code /api/v3/klines}); {@link #play(Duration)} does the same at a pace. Captured stream messages are
 * released separately with {@link #releaseCaptured(int)} or {@link #playCapture(double)}, because a capture
 * rarely covers the same hours as the kline files. Faults come from {@link #faults()}, every REST request is in
 * {@link #requests()}. The WebSocket API's user data stream ({@link #wsApiUrl()}) reports every order and balance
 * change of the simulated account.
 *
 * <pre>{@code
 * try (ExchangeSimulator exchange = ExchangeSimulator.start(SimulatorConfig.builder()
 *         .klineFile(Path.of("BTCUSDT-1h.csv.gz")).build())) {
 *     exchange.advance(10);
 *     SpotClientImpl spot = new SpotClientImpl(exchange.restBaseUrl());
 *     WebSocketStreamClientImpl ws = new WebSocketStreamClientImpl(exchange.wsBaseUrl());
 * }
 * }</pre>
 */
public final class ExchangeSimulator implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(ExchangeSimulator.class.getName());
    private static final Duration START_TIMEOUT = Duration.ofSeconds(10);

    private final SimulatorConfig config;
    private final Market market;
    private final CapturePlayback capture;
    private final RequestLog requestLog = new RequestLog();
    private final SimulatorFaults faults;
    private final MatchingEngine engine;
    private final ScheduledExecutorService scheduler;
    /** Releases and their stream messages happen under this lock, so clients see them in release order. */
    private final Object releaseLock = new Object();

    private final AtomicReference<ApiRestrictions> apiRestrictions;
    private final UserDataStream userDataStream;
    private volatile StreamServer streams;
    private RestServer rest;
    private ScheduledFuture<?> klinePlayer;
    private volatile String lastKlineMessage;

    private ExchangeSimulator(SimulatorConfig config) {
        this.config = config;
        this.market = new Market(config.klines());
        this.faults = new SimulatorFaults(this);
        this.engine = new MatchingEngine(config.trading(), config::instrument, this::serverTime);
        ApiRestrictions restrictions = config.apiRestrictions();
        this.apiRestrictions = new AtomicReference<>(
                restrictions.createTime().isPresent() ? restrictions : restrictions.withCreateTime(marketNow()));
        this.scheduler = Executors.newScheduledThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "exchange-sim-scheduler");
            thread.setDaemon(true);
            return thread;
        });
        this.capture = new CapturePlayback(
                config.capture().map(Capture::messages).orElse(List.of()),
                () -> streams,
                scheduler,
                releaseLock,
                work -> guarded("capture playback", work));
        this.userDataStream = new UserDataStream(() -> streams, faults.userData(), scheduler, this::serverTime);
        engine.listener(userDataStream);
    }

    /** Starts both servers; returns once they accept connections. */
    public static ExchangeSimulator start(SimulatorConfig config) {
        ExchangeSimulator simulator = new ExchangeSimulator(Objects.requireNonNull(config, "config"));
        try {
            // REST and WebSocket API requests share one request-weight limit, as on Binance (per IP).
            RateLimiter limiter =
                    new RateLimiter(config.clock(), config.weightLimitPerMinute(), config.firstBan(), config.maxBan());
            simulator.streams = new StreamServer(config, new WsApiRequests(simulator, limiter));
            simulator.streams.startAndAwait(START_TIMEOUT);
            simulator.rest = new RestServer(simulator, limiter, simulator.requestLog);
        } catch (RuntimeException e) {
            simulator.close();
            throw e;
        }
        long period = config.housekeepingPeriod().toNanos();
        simulator.scheduler.scheduleAtFixedRate(
                simulator.guarded("housekeeping", simulator.streams::housekeeping),
                period,
                period,
                TimeUnit.NANOSECONDS);
        LOG.log(
                System.Logger.Level.INFO,
                "exchange simulator up: REST {0}, WebSocket {1}",
                simulator.restBaseUrl(),
                simulator.wsBaseUrl());
        return simulator;
    }

    /** For {@code new SpotClientImpl(restBaseUrl())}, e.g. {@code http://127.0.0.1:41234}. */
    public String restBaseUrl() {
        return "http://" + config.host() + ":" + rest.port();
    }

    /** For {@code new WebSocketStreamClientImpl(wsBaseUrl())}, e.g. {@code ws://127.0.0.1:41235}. */
    public String wsBaseUrl() {
        return "ws://" + config.host() + ":" + streams.getPort();
    }

    /**
     * The WebSocket API on the stream server's port, e.g. {@code ws://127.0.0.1:41235/ws-api/v3}: subscribe there
     * with {@code userDataStream.subscribe.signature} to receive the account's executionReport,
     * outboundAccountPosition and listStatus events.
     */
    public String wsApiUrl() {
        return wsBaseUrl() + WsApiRequests.PATH;
    }

    public int restPort() {
        return rest.port();
    }

    public int wsPort() {
        return streams.getPort();
    }

    public SimulatorConfig config() {
        return config;
    }

    /** Releases the next {@code count} klines of every series; returns how many klines were released. */
    public int advance(int count) {
        synchronized (releaseLock) {
            List<Market.Release> releases = market.advance(count);
            releases.forEach(this::publishReleased);
            return releases.size();
        }
    }

    /**
     * Releases every kline (of every series) that has closed by {@code marketTime}, in close-time order (ties in
     * configuration order); the way to keep series of different intervals on one clock.
     */
    public int advanceTo(Instant marketTime) {
        synchronized (releaseLock) {
            List<Market.Release> releases = market.advanceTo(marketTime);
            releases.forEach(this::publishReleased);
            return releases.size();
        }
    }

    /** Releases one kline of every series per {@code perKline} of real time, on a background thread, until exhausted. */
    public synchronized void play(Duration perKline) {
        if (perKline.isNegative() || perKline.isZero()) {
            throw new IllegalArgumentException("the pace must be positive, was " + perKline);
        }
        stopPlaying();
        klinePlayer = scheduler.scheduleAtFixedRate(
                guarded("kline playback", () -> {
                    if (advance(1) == 0) {
                        stopPlaying();
                    }
                }),
                perKline.toNanos(),
                perKline.toNanos(),
                TimeUnit.NANOSECONDS);
    }

    public synchronized void stopPlaying() {
        if (klinePlayer != null) {
            klinePlayer.cancel(false);
            klinePlayer = null;
        }
    }

    public synchronized boolean isPlaying() {
        return klinePlayer != null || capture.isPlaying();
    }

    /** Whether every kline of every series has been released. */
    public boolean exhausted() {
        return market.exhausted();
    }

    /** The market clock: the close time of the last released kline (before any, the open time of the first). */
    public Instant marketNow() {
        return market.now().orElseGet(config.clock()::instant);
    }

    /**
     * What {@code /api/v3/time} answers and signed requests' timestamps are judged against: the market clock, or
     * the wall clock if so configured, moved by any injected {@link SimulatorFaults#skewClock clock skew}.
     */
    public Instant serverTime() {
        Instant base = config.serverTime() == ServerTime.MARKET
                ? marketNow()
                : config.clock().instant();
        return base.plus(faults.clockSkew());
    }

    /** The klines of a series released so far, oldest first. */
    public List<Kline> released(SeriesKey series) {
        return market.released(series);
    }

    public List<Kline> released(String symbol, KlineInterval interval) {
        return released(new SeriesKey(symbol, interval));
    }

    /** Sends the next {@code count} captured stream messages to their subscribers; returns how many were sent. */
    public int releaseCaptured(int count) {
        return capture.release(count);
    }

    /**
     * Replays the capture in the background with its recorded gaps between messages divided by {@code speed}
     * (1 = as recorded, 10 = ten times faster).
     */
    public void playCapture(double speed) {
        capture.play(speed);
    }

    public void stopCapture() {
        capture.stop();
    }

    public int capturedRemaining() {
        return capture.remaining();
    }

    /** Every order of a symbol in the simulated account, oldest first (what {@code allOrders} would list). */
    public List<SpotOrder> orders(String symbol) {
        return engine.orders(symbol);
    }

    /** Every order list of a symbol in the simulated account, oldest first. */
    public List<OrderList> orderLists(String symbol) {
        return engine.orderLists(symbol);
    }

    /** Every fill of a symbol in the simulated account, oldest first (what {@code myTrades} would list). */
    public List<SpotTrade> trades(String symbol) {
        return engine.trades(symbol);
    }

    /** The account's free amount of an asset (zero for an asset never held). */
    public BigDecimal freeBalance(String asset) {
        return engine.balances().getOrDefault(asset, Balances.Amounts.ZERO).free();
    }

    /** The account's amount of an asset locked by open orders. */
    public BigDecimal lockedBalance(String asset) {
        return engine.balances().getOrDefault(asset, Balances.Amounts.ZERO).locked();
    }

    /** What {@code GET /sapi/v1/account/apiRestrictions} answers now. */
    public ApiRestrictions apiRestrictions() {
        return apiRestrictions.get();
    }

    /** Changes the key's permissions while running (as an operator editing the key on Binance would). */
    public void apiRestrictions(ApiRestrictions restrictions) {
        apiRestrictions.set(Objects.requireNonNull(restrictions, "restrictions"));
    }

    public SimulatorFaults faults() {
        return faults;
    }

    public RequestLog requests() {
        return requestLog;
    }

    /** Every WebSocket connection that has ended, with the reason. */
    public List<ConnectionClosure> connectionClosures() {
        return streams.closures();
    }

    public int openConnections() {
        return streams.openConnections();
    }

    /** Stream messages not sent because streams were stalled. */
    public long messagesSuppressedByStall() {
        return streams.suppressedByStall();
    }

    @Override
    public void close() {
        stopPlaying();
        stopCapture();
        scheduler.shutdownNow();
        if (rest != null) {
            rest.stop();
        }
        if (streams != null) {
            streams.getConnections().forEach(conn -> {
                StreamConnection state = conn.getAttachment();
                if (state != null) {
                    state.closingBecause(ConnectionClosure.Reason.SIMULATOR_STOPPED);
                }
            });
            try {
                streams.stop(1000, "exchange simulator stopped");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    StreamServer streams() {
        return streams;
    }

    UserDataStream userDataStream() {
        return userDataStream;
    }

    Market market() {
        return market;
    }

    MatchingEngine engine() {
        return engine;
    }

    Optional<String> lastKlineMessage() {
        return Optional.ofNullable(lastKlineMessage);
    }

    /** Sends a kline's closed message again regardless of stalls (used by the duplicate and out-of-order faults). */
    int resendClosedKline(Market.Release release) {
        synchronized (releaseLock) {
            String data = StreamPayloads.kline(
                    release.series(),
                    release.kline(),
                    release.firstTradeId(),
                    true,
                    release.kline().closeTime().toEpochMilli());
            String stream = release.series().streamName();
            return streams.publishIgnoringStall(stream, data, StreamPayloads.combined(stream, data));
        }
    }

    private void publishReleased(Market.Release release) {
        Kline kline = release.kline();
        engine.onKline(release.series().symbol(), kline);
        String stream = release.series().streamName();
        int updates = config.klineUpdatesBeforeClose();
        long open = kline.openTime().toEpochMilli();
        long length = kline.closeTime().toEpochMilli() - open;
        for (int update = 1; update <= updates; update++) {
            // A recording holds only the final values, so the open updates carry them too, with x=false and
            // event times spread across the kline.
            String data = StreamPayloads.kline(
                    release.series(), kline, release.firstTradeId(), false, open + length * update / (updates + 1));
            streams.publish(stream, data, StreamPayloads.combined(stream, data));
        }
        String data = StreamPayloads.kline(
                release.series(),
                kline,
                release.firstTradeId(),
                true,
                kline.closeTime().toEpochMilli());
        String combined = StreamPayloads.combined(stream, data);
        lastKlineMessage = combined;
        streams.publish(stream, data, combined);
    }

    /** Scheduled work must not die silently: a thrown exception would cancel every later run. */
    private Runnable guarded(String what, Runnable work) {
        return () -> {
            try {
                work.run();
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, what + " failed: " + e, e);
            }
        };
    }
}
