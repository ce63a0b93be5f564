package dev.peregrine.execution.adapter.in.userdata;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One WebSocket API connection over the JDK's WebSocket client: whole text frames are read into
 * {@link UserDataEvent}s, anything heard (a frame, a ping, a pong) is remembered for the silence check, and the end of
 * the connection is reported once, unless this side ended it.
 */
final class UserDataConnection implements WebSocket.Listener {

    /** What a connection tells its owner; called on the client's threads. */
    interface Handler {
        void received(UserDataConnection connection, UserDataEvent event);

        void ended(UserDataConnection connection, ReconnectReason reason, String detail);
    }

    private static final Duration CLOSE_GRACE = Duration.ofSeconds(1);
    private static final int ABNORMAL_CLOSURE = 1006;

    private final int id;
    private final Clock clock;
    private final Handler handler;
    private final StringBuilder partial = new StringBuilder();
    private final AtomicBoolean ended = new AtomicBoolean();
    private volatile Instant openedAt;
    private volatile Instant lastHeard;
    private volatile WebSocket socket;

    private UserDataConnection(int id, Clock clock, Handler handler) {
        this.id = id;
        this.clock = clock;
        this.handler = handler;
        this.openedAt = clock.instant();
        this.lastHeard = openedAt;
    }

    /** Opens a connection to {@code url}; the future fails when the handshake does. */
    static CompletableFuture<UserDataConnection> open(
            HttpClient http, URI url, Duration connectTimeout, Clock clock, int id, Handler handler) {
        UserDataConnection connection = new UserDataConnection(id, clock, handler);
        return http.newWebSocketBuilder()
                .connectTimeout(connectTimeout)
                .buildAsync(url, connection)
                .thenApply(socket -> {
                    connection.socket = socket;
                    return connection;
                });
    }

    int id() {
        return id;
    }

    /** When the opening handshake completed. */
    Instant openedAt() {
        return openedAt;
    }

    /** Whether the connection ended, from either side. */
    boolean hasEnded() {
        return ended.get();
    }

    /** How long nothing has been heard on this connection. */
    Duration quietFor() {
        return Duration.between(lastHeard, clock.instant());
    }

    CompletableFuture<WebSocket> send(String text) {
        return socket.sendText(text, true);
    }

    /** A ping; a failed one is left to the silence check (its pong never comes). */
    void ping() {
        socket.sendPing(ByteBuffer.allocate(0)).exceptionally(failure -> null);
    }

    /** Ends the connection from this side (a close frame, then the socket is aborted); no end is reported. */
    void close() {
        if (ended.getAndSet(true) || socket == null) {
            return;
        }
        WebSocket closing = socket;
        closing.sendClose(WebSocket.NORMAL_CLOSURE, "reconnecting")
                .orTimeout(CLOSE_GRACE.toMillis(), TimeUnit.MILLISECONDS)
                .whenComplete((done, failure) -> closing.abort());
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        socket = webSocket;
        openedAt = clock.instant();
        heard();
        webSocket.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        heard();
        partial.append(data);
        if (last) {
            String frame = partial.toString();
            partial.setLength(0);
            handler.received(this, UserDataFrames.read(frame));
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
        heard();
        if (last) {
            handler.received(this, new UserDataEvent.Malformed("a binary frame on a JSON session"));
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onPing(WebSocket webSocket, ByteBuffer message) {
        heard();
        return WebSocket.Listener.super.onPing(webSocket, message);
    }

    @Override
    public CompletionStage<?> onPong(WebSocket webSocket, ByteBuffer message) {
        heard();
        return WebSocket.Listener.super.onPong(webSocket, message);
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        // 1006: the JDK's code for a connection that ended without a close frame.
        end(
                statusCode == ABNORMAL_CLOSURE ? ReconnectReason.DROPPED : ReconnectReason.CLOSED_BY_SERVER,
                "closed with " + statusCode + " " + reason);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        end(ReconnectReason.DROPPED, "the connection failed: " + error);
    }

    private void end(ReconnectReason reason, String detail) {
        if (!ended.getAndSet(true)) {
            handler.ended(this, reason, detail);
        }
    }

    private void heard() {
        lastHeard = clock.instant();
    }

    @Override
    public String toString() {
        return "user data connection " + id;
    }
}
