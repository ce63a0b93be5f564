package dev.peregrine.exchangesim;

import com.binance.connector.client.impl.WebSocketStreamClientImpl;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/** The official connector's stream client with every callback recorded, for assertions. */
final class ConnectorStream implements AutoCloseable {

    final List<String> messages = new CopyOnWriteArrayList<>();
    final List<Integer> closingCodes = new CopyOnWriteArrayList<>();
    final List<Integer> closedCodes = new CopyOnWriteArrayList<>();
    final List<Throwable> failures = new CopyOnWriteArrayList<>();
    final AtomicReference<okhttp3.Response> failureResponse = new AtomicReference<>();
    final AtomicBoolean opened = new AtomicBoolean();
    private final WebSocketStreamClientImpl client;
    private int connectionId;

    private ConnectorStream(String wsBaseUrl) {
        this.client = new WebSocketStreamClientImpl(wsBaseUrl);
    }

    static ConnectorStream combined(String wsBaseUrl, List<String> streams) {
        ConnectorStream stream = new ConnectorStream(wsBaseUrl);
        stream.connectionId = stream.client.combineStreams(
                new ArrayList<>(streams),
                response -> stream.opened.set(true),
                stream.messages::add,
                (code, reason) -> stream.closingCodes.add(code),
                (code, reason) -> stream.closedCodes.add(code),
                (error, response) -> {
                    stream.failures.add(error);
                    stream.failureResponse.set(response);
                });
        return stream;
    }

    static ConnectorStream kline(String wsBaseUrl, String symbol, String interval) {
        ConnectorStream stream = new ConnectorStream(wsBaseUrl);
        stream.connectionId = stream.client.klineStream(
                symbol,
                interval,
                response -> stream.opened.set(true),
                stream.messages::add,
                (code, reason) -> stream.closingCodes.add(code),
                (code, reason) -> stream.closedCodes.add(code),
                (error, response) -> stream.failures.add(error));
        return stream;
    }

    boolean ended() {
        return !closingCodes.isEmpty() || !failures.isEmpty();
    }

    /**
     * Closes this client's connection only. The connector's closeAllConnections() also shuts down the OkHttp
     * dispatcher all its stream clients share (a static one), after which no connection can be opened in the JVM.
     */
    @Override
    public void close() {
        client.closeConnection(connectionId);
    }
}
