package dev.peregrine.exchangesim;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.java_websocket.WebSocket;
import org.java_websocket.drafts.Draft;
import org.java_websocket.exceptions.InvalidDataException;
import org.java_websocket.exceptions.WebsocketNotConnectedException;
import org.java_websocket.framing.CloseFrame;
import org.java_websocket.framing.Framedata;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.handshake.ServerHandshakeBuilder;
import org.java_websocket.server.WebSocketServer;

/**
 * Binance's market-stream WebSocket server (web-socket-streams.md): raw {@code /ws/<stream>} and combined
 * {@code /stream?streams=...} connections, live SUBSCRIBE / UNSUBSCRIBE / LIST_SUBSCRIPTIONS / SET_PROPERTY /
 * GET_PROPERTY requests (answered by {@link StreamRequests}), and the limits Binance enforces (streams per
 * connection, incoming messages per second, ping/pong, connection age).
 */
final class StreamServer extends WebSocketServer {

    private static final System.Logger LOG = System.getLogger(StreamServer.class.getName());

    private final SimulatorConfig config;
    private final WsApiRequests wsApi;
    private final StreamRequests requests;
    private final Clock clock;
    private final CountDownLatch started = new CountDownLatch(1);
    private final AtomicLong connectionIds = new AtomicLong();
    private final List<ConnectionClosure> closures = new CopyOnWriteArrayList<>();
    private volatile Exception startFailure;
    private volatile Instant stalledUntil = Instant.MIN;
    private final AtomicLong suppressedByStall = new AtomicLong();

    StreamServer(SimulatorConfig config, WsApiRequests wsApi) {
        super(new InetSocketAddress(config.host(), config.wsPort()));
        this.config = config;
        this.wsApi = wsApi;
        this.requests = new StreamRequests(config.maxStreamsPerConnection());
        this.clock = config.clock();
        setReuseAddr(true);
        setDaemon(true);
        // Java-WebSocket's own lost-connection pings would run on their own schedule; Binance's policy is applied
        // by housekeeping() instead.
        setConnectionLostTimeout(0);
    }

    void startAndAwait(Duration timeout) {
        start();
        try {
            if (!started.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("the WebSocket server did not start within " + timeout);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting the WebSocket server", e);
        }
        if (startFailure != null) {
            throw new IllegalStateException(
                    "the WebSocket server could not start on " + config.host() + ":" + config.wsPort() + ": "
                            + startFailure.getMessage(),
                    startFailure);
        }
    }

    @Override
    public ServerHandshakeBuilder onWebsocketHandshakeReceivedAsServer(
            WebSocket conn, Draft draft, ClientHandshake request) throws InvalidDataException {
        ServerHandshakeBuilder response = super.onWebsocketHandshakeReceivedAsServer(conn, draft, request);
        StreamConnection.Target target;
        try {
            target = StreamConnection.Target.parse(request.getResourceDescriptor());
        } catch (IllegalArgumentException e) {
            throw new InvalidDataException(CloseFrame.POLICY_VALIDATION, e.getMessage());
        }
        if (target.streams().size() > config.maxStreamsPerConnection()) {
            // Refused at the handshake: the client sees the upgrade fail instead of a connection that silently
            // carries fewer streams than it asked for.
            throw new InvalidDataException(
                    CloseFrame.POLICY_VALIDATION,
                    "Too many streams: "
                            + target.streams().size() + " requested, a connection can listen to at most "
                            + config.maxStreamsPerConnection());
        }
        conn.setAttachment(new StreamConnection(connectionIds.incrementAndGet(), clock.instant(), target));
        return response;
    }

    @Override
    public void onStart() {
        started.countDown();
    }

    @Override
    public void onOpen(WebSocket conn, ClientHandshake handshake) {
        StreamConnection state = conn.getAttachment();
        if (state.wsApi != null) {
            wsApi.opened(state);
        }
        LOG.log(System.Logger.Level.DEBUG, "connection {0} opened: {1}", state.id, handshake.getResourceDescriptor());
    }

    @Override
    public void onMessage(WebSocket conn, String message) {
        StreamConnection state = conn.getAttachment();
        if (state.wsApi != null) {
            wsApi.handle(conn, state, message);
        } else if (withinMessageRate(conn, state)) {
            send(conn, requests.answer(state, message));
        }
    }

    @Override
    public void onMessage(WebSocket conn, ByteBuffer message) {
        withinMessageRate(conn, conn.getAttachment());
    }

    @Override
    public void onWebsocketPing(WebSocket conn, Framedata frame) {
        StreamConnection state = conn.getAttachment();
        if (state != null && state.wsApi != null ? wsApi.answer() : withinMessageRate(conn, state)) {
            super.onWebsocketPing(conn, frame);
        }
    }

    @Override
    public void onWebsocketPong(WebSocket conn, Framedata frame) {
        StreamConnection state = conn.getAttachment();
        if (state != null) {
            state.pongReceived();
            withinMessageRate(conn, state);
        }
    }

    @Override
    public void onClose(WebSocket conn, int code, String reason, boolean remote) {
        StreamConnection state = conn.getAttachment();
        if (state != null) {
            closures.add(new ConnectionClosure(state.id, state.closeReason(), code, clock.instant()));
        }
    }

    @Override
    public void onError(WebSocket conn, Exception ex) {
        if (conn == null) {
            startFailure = ex;
            started.countDown();
        } else {
            LOG.log(System.Logger.Level.DEBUG, "WebSocket error: {0}", ex.toString());
        }
    }

    /** Sends a stream message to every connection listening to the stream, unless streams are stalled. */
    int publish(String stream, String dataJson, String combinedJson) {
        if (clock.instant().isBefore(stalledUntil)) {
            suppressedByStall.incrementAndGet();
            return 0;
        }
        return publishIgnoringStall(stream, dataJson, combinedJson);
    }

    /** Sends a stream message even during a stall (injected faults are deliberate). */
    int publishIgnoringStall(String stream, String dataJson, String combinedJson) {
        int recipients = 0;
        for (WebSocket conn : getConnections()) {
            StreamConnection state = conn.getAttachment();
            if (state != null && state.subscribed(stream) && send(conn, state.combined() ? combinedJson : dataJson)) {
                recipients++;
            }
        }
        return recipients;
    }

    /** Sends the same text frame to every open connection, whatever it listens to. */
    int sendToAll(String text) {
        int recipients = 0;
        for (WebSocket conn : getConnections()) {
            if (conn.getAttachment() instanceof StreamConnection state && state.wsApi == null && send(conn, text)) {
                recipients++;
            }
        }
        return recipients;
    }

    /** Closes every connection at the TCP level, without a close frame, as a network failure would. */
    int dropAll() {
        int dropped = 0;
        for (WebSocket conn : getConnections()) {
            StreamConnection state = conn.getAttachment();
            if (state != null && conn.isOpen()) {
                state.closingBecause(ConnectionClosure.Reason.DROPPED_BY_FAULT);
                conn.closeConnection(CloseFrame.ABNORMAL_CLOSE, "dropped by the exchange simulator");
                dropped++;
            }
        }
        return dropped;
    }

    void stallUntil(Instant until) {
        stalledUntil = until;
    }

    long suppressedByStall() {
        return suppressedByStall.get();
    }

    List<ConnectionClosure> closures() {
        return List.copyOf(closures);
    }

    int openConnections() {
        return (int) getConnections().stream().filter(WebSocket::isOpen).count();
    }

    /** Binance's connection policy, applied periodically: server pings, pong timeouts and the age limit. */
    void housekeeping() {
        Instant now = clock.instant();
        for (WebSocket conn : getConnections()) {
            StreamConnection state = conn.getAttachment();
            if (state == null || !conn.isOpen()) {
                continue;
            }
            boolean api = state.wsApi != null;
            if (!now.isBefore(state.openedAt.plus(api ? config.wsApiMaxConnectionAge() : config.maxConnectionAge()))) {
                state.closingBecause(ConnectionClosure.Reason.MAX_AGE_REACHED);
                conn.close(CloseFrame.GOING_AWAY, "connection age limit reached");
                continue;
            }
            if (api && !wsApi.answering()) {
                continue;
            }
            Instant lastPing = state.lastPingAt();
            if (state.pongPending() && !now.isBefore(lastPing.plus(config.pongTimeout()))) {
                state.closingBecause(ConnectionClosure.Reason.PONG_TIMEOUT);
                conn.closeConnection(CloseFrame.ABNORMAL_CLOSE, "no pong within " + config.pongTimeout());
                continue;
            }
            Instant pingDue = (lastPing == null ? state.openedAt : lastPing).plus(config.pingInterval());
            if (!state.pongPending() && !now.isBefore(pingDue)) {
                state.pingSent(now);
                try {
                    conn.sendPing();
                } catch (WebsocketNotConnectedException e) {
                    LOG.log(System.Logger.Level.DEBUG, "connection {0} closed before its ping", state.id);
                }
            }
        }
    }

    private boolean withinMessageRate(WebSocket conn, StreamConnection state) {
        if (state == null) {
            return false;
        }
        if (state.countIncoming(clock.instant(), config.maxIncomingMessagesPerSecond())) {
            return true;
        }
        state.closingBecause(ConnectionClosure.Reason.MESSAGE_RATE_EXCEEDED);
        conn.close(
                CloseFrame.POLICY_VALIDATION,
                "Too many messages: more than " + config.maxIncomingMessagesPerSecond() + " per second");
        return false;
    }

    private static boolean send(WebSocket conn, String text) {
        try {
            conn.send(text);
            return true;
        } catch (WebsocketNotConnectedException e) {
            return false;
        }
    }
}
