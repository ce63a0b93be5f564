package dev.peregrine.exchangesim;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.java_websocket.WebSocket;
import org.java_websocket.drafts.Draft;
import org.java_websocket.exceptions.InvalidDataException;
import org.java_websocket.exceptions.WebsocketNotConnectedException;
import org.java_websocket.framing.CloseFrame;
import org.java_websocket.framing.Framedata;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.handshake.ServerHandshakeBuilder;
import org.java_websocket.server.WebSocketServer;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Binance's market-stream WebSocket server (web-socket-streams.md): raw {@code /ws/<stream>} and combined
 * {@code /stream?streams=...} connections, live SUBSCRIBE / UNSUBSCRIBE / LIST_SUBSCRIPTIONS / SET_PROPERTY /
 * GET_PROPERTY requests, and the limits Binance enforces (streams per connection, incoming messages per second,
 * ping/pong, connection age).
 */
final class StreamServer extends WebSocketServer {

    private static final System.Logger LOG = System.getLogger(StreamServer.class.getName());
    /** Request ids Binance accepts besides 64-bit integers and null. */
    private static final Pattern STRING_ID = Pattern.compile("^[A-Za-z0-9-]{1,36}$");

    private static final String METHODS =
            "`SUBSCRIBE`, `UNSUBSCRIBE`, `LIST_SUBSCRIPTIONS`, `SET_PROPERTY`, `GET_PROPERTY`";

    private final SimulatorConfig config;
    private final WsApiRequests wsApi;
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
            answer(conn, state, message);
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

    private void answer(WebSocket conn, StreamConnection state, String text) {
        JsonNode request;
        try {
            request = Json.MAPPER.readTree(text);
        } catch (JacksonException e) {
            send(conn, error(3, "Invalid JSON: " + e.getOriginalMessage(), null));
            return;
        }
        if (request == null || !request.isObject()) {
            send(conn, error(3, "Invalid JSON: expected an object", null));
            return;
        }
        JsonNode id = request.get("id");
        if (id == null
                || !(id.isNull()
                        || (id.isIntegralNumber() && id.canConvertToLong())
                        || (id.isString() && STRING_ID.matcher(id.stringValue()).matches()))) {
            send(conn, error(2, "Invalid request: request ID must be an unsigned integer", null));
            return;
        }
        JsonNode method = request.get("method");
        if (method == null || !method.isString()) {
            send(conn, error(2, "Invalid request: missing field `method`", id));
            return;
        }
        JsonNode params = request.get("params");
        switch (method.stringValue()) {
            case "SUBSCRIBE" -> {
                List<String> streams = streamNames(params);
                if (streams == null) {
                    send(conn, error(2, "Invalid request: params must be an array of stream names", id));
                } else if (!state.subscribe(streams, config.maxStreamsPerConnection())) {
                    send(conn, error(4, "Too many subscriptions", id));
                } else {
                    send(conn, result(Json.MAPPER.nullNode(), id));
                }
            }
            case "UNSUBSCRIBE" -> {
                List<String> streams = streamNames(params);
                if (streams == null) {
                    send(conn, error(2, "Invalid request: params must be an array of stream names", id));
                } else {
                    state.unsubscribe(streams);
                    send(conn, result(Json.MAPPER.nullNode(), id));
                }
            }
            case "LIST_SUBSCRIPTIONS" -> {
                ArrayNode list = Json.MAPPER.createArrayNode();
                state.subscriptions().forEach(list::add);
                send(conn, result(list, id));
            }
            case "SET_PROPERTY" -> setProperty(conn, state, params, id);
            case "GET_PROPERTY" -> {
                if (params == null
                        || !params.isArray()
                        || params.size() != 1
                        || !params.get(0).isString()) {
                    send(conn, error(2, "Invalid request: property name must be a string", id));
                } else if (!"combined".equals(params.get(0).stringValue())) {
                    send(conn, error(0, "Unknown property", id));
                } else {
                    send(conn, result(Json.MAPPER.getNodeFactory().booleanNode(state.combined()), id));
                }
            }
            default ->
                send(
                        conn,
                        error(
                                2,
                                "Invalid request: unknown variant `" + method.stringValue() + "`, expected one of "
                                        + METHODS,
                                id));
        }
    }

    private void setProperty(WebSocket conn, StreamConnection state, JsonNode params, JsonNode id) {
        if (params == null || !params.isArray() || params.size() != 2) {
            send(conn, error(2, "Invalid request: too many parameters", id));
        } else if (!params.get(0).isString()) {
            send(conn, error(2, "Invalid request: property name must be a string", id));
        } else if (!"combined".equals(params.get(0).stringValue())) {
            send(conn, error(0, "Unknown property", id));
        } else if (!params.get(1).isBoolean()) {
            send(conn, error(1, "Invalid value type: expected Boolean", id));
        } else {
            state.combined(params.get(1).booleanValue());
            send(conn, result(Json.MAPPER.nullNode(), id));
        }
    }

    private static List<String> streamNames(JsonNode params) {
        if (params == null || !params.isArray()) {
            return null;
        }
        List<String> names = new ArrayList<>();
        for (JsonNode param : params) {
            if (!param.isString() || param.stringValue().isBlank()) {
                return null;
            }
            names.add(param.stringValue());
        }
        return names;
    }

    private static String result(JsonNode result, JsonNode id) {
        ObjectNode response = Json.MAPPER.createObjectNode();
        response.set("result", result);
        response.set("id", id);
        return Json.MAPPER.writeValueAsString(response);
    }

    private static String error(int code, String message, JsonNode id) {
        ObjectNode response = Json.MAPPER.createObjectNode();
        ObjectNode error = response.putObject("error");
        error.put("code", code);
        error.put("msg", message);
        response.set("id", id == null ? Json.MAPPER.nullNode() : id);
        return Json.MAPPER.writeValueAsString(response);
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
