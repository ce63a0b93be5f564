package dev.peregrine.exchangesim;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/** The JDK's WebSocket client, for what the connector cannot do: send requests on a stream connection. */
final class JdkStream implements WebSocket.Listener, AutoCloseable {

    final List<String> messages = new CopyOnWriteArrayList<>();
    final AtomicInteger pings = new AtomicInteger();
    final AtomicInteger pongs = new AtomicInteger();
    final AtomicInteger closeCode = new AtomicInteger(-1);
    final AtomicReference<Throwable> error = new AtomicReference<>();
    private final StringBuilder partial = new StringBuilder();
    private final WebSocket socket;

    private JdkStream(String url) {
        this.socket = HttpClient.newHttpClient()
                .newWebSocketBuilder()
                .buildAsync(URI.create(url), this)
                .join();
    }

    static JdkStream connect(String url) {
        return new JdkStream(url);
    }

    void send(String text) {
        socket.sendText(text, true).join();
    }

    boolean ended() {
        return closeCode.get() >= 0 || error.get() != null;
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            messages.add(partial.toString());
            partial.setLength(0);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onPing(WebSocket webSocket, ByteBuffer message) {
        pings.incrementAndGet();
        return WebSocket.Listener.super.onPing(webSocket, message);
    }

    @Override
    public CompletionStage<?> onPong(WebSocket webSocket, ByteBuffer message) {
        pongs.incrementAndGet();
        return WebSocket.Listener.super.onPong(webSocket, message);
    }

    void sendPing() {
        socket.sendPing(ByteBuffer.allocate(0)).join();
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closeCode.set(statusCode);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable failure) {
        error.set(failure);
    }

    @Override
    public void close() {
        socket.abort();
    }
}
