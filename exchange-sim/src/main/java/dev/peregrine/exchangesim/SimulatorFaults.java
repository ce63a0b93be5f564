package dev.peregrine.exchangesim;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Faults injected on demand. Stream faults act at once on the open WebSocket connections; REST faults answer
 * the next N requests to {@code /api/...} instead of the real handler. Every injection is counted by
 * {@link FaultType} so a test can assert what its client went through.
 */
public final class SimulatorFaults {

    /** A REST answer waiting for the next request. */
    record RestFault(int status, int retryAfterSeconds) {}

    /**
     * What happens to an order that was accepted (it exists, its fills and balances are booked) instead of its
     * answer: the connection is closed without an answer after {@code hold}, or a 5xx, or -1007 with {@code status}.
     */
    record OrderFault(Kind kind, int status, Duration hold) {
        enum Kind {
            DROP_CONNECTION,
            SERVER_ERROR,
            BACKEND_TIMEOUT
        }
    }

    /** What a malformed message looks like: text no JSON parser accepts. */
    static final String MALFORMED = "{\"stream\":<<not json>>";

    private final ExchangeSimulator simulator;
    private final Map<FaultType, AtomicLong> counts = new EnumMap<>(FaultType.class);
    private final Deque<RestFault> pendingRest = new ArrayDeque<>();
    private final Deque<OrderFault> pendingOrders = new ArrayDeque<>();
    private volatile Duration clockSkew = Duration.ZERO;
    private final UserDataFaults userData;

    SimulatorFaults(ExchangeSimulator simulator) {
        this.simulator = Objects.requireNonNull(simulator, "simulator");
        for (FaultType type : FaultType.values()) {
            counts.put(type, new AtomicLong());
        }
        this.userData = new UserDataFaults(this, simulator);
    }

    /** Faults of the WebSocket API user data stream ({@code /ws-api/v3}). */
    public UserDataFaults userData() {
        return userData;
    }

    /** Closes every WebSocket connection abruptly (no close frame); returns how many were open. */
    public int dropAllConnections() {
        record(FaultType.DROP_CONNECTIONS);
        return simulator.streams().dropAll();
    }

    /**
     * Keeps connections open but sends no stream data for {@code duration} of the wall clock. Data released
     * meanwhile is lost for stream clients (as after a real stall) but stays available over REST.
     */
    public void stallStreams(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("a stall cannot last a negative time: " + duration);
        }
        record(FaultType.STALL_STREAMS);
        simulator.streams().stallUntil(simulator.config().clock().instant().plus(duration));
    }

    /** Sends a text frame that is not JSON to every connection; returns the number of recipients. */
    public int sendMalformedMessage() {
        record(FaultType.MALFORMED_MESSAGE);
        return simulator.streams().sendToAll(MALFORMED);
    }

    /**
     * Sends the first half of the last kline message (or of a placeholder kline message before any release)
     * to every connection; returns the number of recipients.
     */
    public int sendTruncatedMessage() {
        record(FaultType.TRUNCATED_MESSAGE);
        String whole = simulator
                .lastKlineMessage()
                .orElse(
                        "{\"stream\":\"btcusdt@kline_1m\",\"data\":{\"e\":\"kline\",\"E\":0,\"s\":\"BTCUSDT\",\"k\":{}}}");
        return simulator.streams().sendToAll(whole.substring(0, whole.length() / 2));
    }

    /** Sends {@code text} as-is to every connection; returns the number of recipients. */
    public int sendRawText(String text) {
        Objects.requireNonNull(text, "text");
        record(FaultType.RAW_MESSAGE);
        return simulator.streams().sendToAll(text);
    }

    /** Sends the last released kline's closed message again, unchanged; returns the number of recipients. */
    public int duplicateLastKline() {
        Market.Release last = simulator
                .market()
                .lastRelease()
                .orElseThrow(() -> new IllegalStateException("no kline has been released yet, nothing to duplicate"));
        record(FaultType.DUPLICATE_KLINE);
        return simulator.resendClosedKline(last);
    }

    /**
     * Sends the kline released before the last one (same series) again as a closed kline, i.e. an older kline
     * after a newer one; returns the number of recipients.
     */
    public int sendOutOfOrderKline() {
        Market.Release older = simulator
                .market()
                .previousOfLastSeries()
                .orElseThrow(
                        () -> new IllegalStateException("an out-of-order kline needs two released klines of a series"));
        record(FaultType.OUT_OF_ORDER_KLINE);
        return simulator.resendClosedKline(older);
    }

    /** Answers the next {@code count} REST requests with 429 and {@code Retry-After: retryAfterSeconds}. */
    public void rateLimitNextRequests(int count, int retryAfterSeconds) {
        failNextRequests(count, 429, retryAfterSeconds);
    }

    /** Answers the next {@code count} REST requests with 418 (IP banned) and {@code Retry-After: retryAfterSeconds}. */
    public void banNextRequests(int count, int retryAfterSeconds) {
        failNextRequests(count, 418, retryAfterSeconds);
    }

    /** Answers the next {@code count} REST requests with a server error (500, 502, 503 or 504). */
    public void serverErrorNextRequests(int count, int status) {
        if (status < 500 || status > 599) {
            throw new IllegalArgumentException("a server error has a 5xx status, not " + status);
        }
        failNextRequests(count, status, 0);
    }

    /** The general form: the next {@code count} REST requests get {@code status} (429, 418 or 5xx). */
    public synchronized void failNextRequests(int count, int status, int retryAfterSeconds) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1, was " + count);
        }
        if (status != 429 && status != 418 && (status < 500 || status > 599)) {
            throw new IllegalArgumentException("injectable REST faults are 429, 418 and 5xx, not " + status);
        }
        if ((status == 429 || status == 418) && retryAfterSeconds < 1) {
            throw new IllegalArgumentException(status + " answers carry a Retry-After of at least 1 second");
        }
        for (int i = 0; i < count; i++) {
            pendingRest.addLast(new RestFault(status, retryAfterSeconds));
        }
    }

    /**
     * The next {@code count} accepted orders ({@code POST /api/v3/order}) get no answer: after {@code hold} of
     * real time the connection is closed. Keep {@code hold} longer than the client's read timeout to make the
     * client time out, or zero for a connection closed at once.
     */
    public void timeOutAfterNextOrders(int count, Duration hold) {
        if (hold.isNegative()) {
            throw new IllegalArgumentException("the hold before closing cannot be negative: " + hold);
        }
        addOrderFaults(count, new OrderFault(OrderFault.Kind.DROP_CONNECTION, 0, hold));
    }

    /** The next {@code count} accepted orders are answered with {@code status} (5xx) and Binance's unknown error. */
    public void serverErrorAfterNextOrders(int count, int status) {
        if (status < 500 || status > 599) {
            throw new IllegalArgumentException("a server error has a 5xx status, not " + status);
        }
        addOrderFaults(count, new OrderFault(OrderFault.Kind.SERVER_ERROR, status, Duration.ZERO));
    }

    /**
     * The next {@code count} accepted orders are answered with -1007 "Timeout waiting for response from backend
     * server. Send status unknown; execution status unknown." and HTTP {@code status} (the REST fault uses 504).
     */
    public void backendTimeoutAfterNextOrders(int count, int status) {
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("-1007 comes with a 4xx or 5xx status, not " + status);
        }
        addOrderFaults(count, new OrderFault(OrderFault.Kind.BACKEND_TIMEOUT, status, Duration.ZERO));
    }

    public synchronized int pendingOrderFaults() {
        return pendingOrders.size();
    }

    /**
     * Moves the server clock (what {@code /api/v3/time} reports and what signed timestamps are judged against)
     * by {@code skew} relative to the configured server time; {@link Duration#ZERO} puts it back.
     */
    public void skewClock(Duration skew) {
        record(FaultType.CLOCK_SKEW);
        clockSkew = java.util.Objects.requireNonNull(skew, "skew");
    }

    public Duration clockSkew() {
        return clockSkew;
    }

    private synchronized void addOrderFaults(int count, OrderFault fault) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1, was " + count);
        }
        for (int i = 0; i < count; i++) {
            pendingOrders.addLast(fault);
        }
    }

    synchronized Optional<OrderFault> takeOrderFault() {
        OrderFault fault = pendingOrders.pollFirst();
        if (fault != null) {
            record(
                    switch (fault.kind()) {
                        case DROP_CONNECTION -> FaultType.ORDER_TIMEOUT;
                        case SERVER_ERROR -> FaultType.ORDER_5XX;
                        case BACKEND_TIMEOUT -> FaultType.ORDER_1007;
                    });
        }
        return Optional.ofNullable(fault);
    }

    public synchronized int pendingRestFaults() {
        return pendingRest.size();
    }

    /** How many times a fault of this type was injected (REST faults: answers actually served). */
    public long count(FaultType type) {
        return counts.get(type).get();
    }

    public Map<FaultType, Long> counts() {
        Map<FaultType, Long> snapshot = new EnumMap<>(FaultType.class);
        counts.forEach((type, value) -> snapshot.put(type, value.get()));
        return Collections.unmodifiableMap(snapshot);
    }

    synchronized Optional<RestFault> takeRestFault() {
        RestFault fault = pendingRest.pollFirst();
        if (fault != null) {
            record(
                    fault.status() == 429
                            ? FaultType.REST_429
                            : fault.status() == 418 ? FaultType.REST_418 : FaultType.REST_5XX);
        }
        return Optional.ofNullable(fault);
    }

    void record(FaultType type) {
        counts.get(type).incrementAndGet();
    }
}
