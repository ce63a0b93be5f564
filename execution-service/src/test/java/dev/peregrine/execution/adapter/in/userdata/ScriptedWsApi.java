package dev.peregrine.execution.adapter.in.userdata;

import java.net.InetSocketAddress;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;

/**
 * A WebSocket server on a free local port that answers each request with a script, for frames exchange-sim never
 * sends (malformed ones) and silences it cannot produce (a subscription never answered).
 */
final class ScriptedWsApi extends WebSocketServer implements AutoCloseable {

    final AtomicInteger connections = new AtomicInteger();
    private final BiConsumer<WebSocket, String> script;
    private final CountDownLatch started = new CountDownLatch(1);

    private ScriptedWsApi(BiConsumer<WebSocket, String> script) {
        super(new InetSocketAddress("127.0.0.1", 0));
        this.script = script;
        setReuseAddr(true);
        setDaemon(true);
    }

    /** Started; {@code script} gets every request with its connection. */
    static ScriptedWsApi start(BiConsumer<WebSocket, String> script) throws InterruptedException {
        ScriptedWsApi server = new ScriptedWsApi(script);
        server.start();
        if (!server.started.await(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the scripted WebSocket server did not start");
        }
        return server;
    }

    String url() {
        return "ws://127.0.0.1:" + getPort() + "/ws-api/v3";
    }

    @Override
    public void onOpen(WebSocket conn, ClientHandshake handshake) {
        connections.incrementAndGet();
    }

    @Override
    public void onClose(WebSocket conn, int code, String reason, boolean remote) {}

    @Override
    public void onMessage(WebSocket conn, String message) {
        script.accept(conn, message);
    }

    @Override
    public void onError(WebSocket conn, Exception ex) {}

    @Override
    public void onStart() {
        started.countDown();
    }

    @Override
    public void close() throws InterruptedException {
        stop(1000);
    }
}
