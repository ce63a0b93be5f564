package dev.peregrine.ingest.adapter.in.binance;

import com.binance.connector.client.impl.WebSocketStreamClientImpl;
import dev.peregrine.ingest.application.port.out.StreamConnector;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Combined-stream connections ({@code <ws-base-url>/stream?streams=a/b/c}) opened with the official connector.
 * Every connection is closed on its own with {@code closeConnection(id)}: the connector's
 * {@code closeAllConnections()} also shuts down the OkHttp dispatcher that every stream client of the JVM shares,
 * after which no connection could be opened again, so it is never called.
 */
public final class ConnectorStreamConnector implements StreamConnector {

    private final WebSocketStreamClientImpl client;

    /** @param wsBaseUrl e.g. {@code wss://stream.binance.com:9443} */
    public ConnectorStreamConnector(String wsBaseUrl) {
        this.client = new WebSocketStreamClientImpl(Objects.requireNonNull(wsBaseUrl, "wsBaseUrl"));
    }

    @Override
    public StreamConnection open(List<String> streams, StreamListener listener) {
        int id = client.combineStreams(
                new ArrayList<>(streams),
                response -> listener.onOpen(),
                listener::onMessage,
                (code, reason) -> listener.onClosed("closed by the server (" + code
                        + (reason == null || reason.isBlank() ? "" : " " + reason) + ")"),
                (code, reason) -> listener.onClosed(
                        "closed (" + code + (reason == null || reason.isBlank() ? "" : " " + reason) + ")"),
                (failure, response) -> listener.onClosed(describe(failure, response)));
        return new StreamConnection() {
            @Override
            public String id() {
                return "connector id " + id;
            }

            @Override
            public void close() {
                client.closeConnection(id);
            }
        };
    }

    private static String describe(Throwable failure, okhttp3.Response response) {
        String what = failure == null
                ? "failed"
                : failure.getClass().getSimpleName()
                        + (failure.getMessage() == null ? "" : ": " + failure.getMessage());
        return response == null ? "dropped: " + what : "failed with HTTP " + response.code() + ": " + what;
    }
}
