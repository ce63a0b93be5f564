package dev.peregrine.ingest.application.port.out;

import java.util.List;

/** Opens combined-stream WebSocket connections to the exchange. */
public interface StreamConnector {

    /**
     * Starts connecting to the given streams and returns at once; {@code listener} hears what happens, on a
     * thread of the connector's choosing.
     */
    StreamConnection open(List<String> streams, StreamListener listener);

    /** One connection; closing it ends its callbacks (and must leave every other connection alone). */
    interface StreamConnection {

        /** How the connector names it in its own logs. */
        String id();

        void close();
    }

    /** What a connection reports. {@link #onClosed} may be called more than once for one connection. */
    interface StreamListener {

        void onOpen();

        void onMessage(String text);

        /** The connection ended or could not be opened; {@code reason} says how, for the audit trail. */
        void onClosed(String reason);
    }
}
