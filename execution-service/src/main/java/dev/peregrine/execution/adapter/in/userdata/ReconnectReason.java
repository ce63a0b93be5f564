package dev.peregrine.execution.adapter.in.userdata;

import java.util.Locale;

/** Why the stream connects again ({@code peregrine.execution.user.data.reconnects{reason}}). */
enum ReconnectReason {
    /** The connection broke without a close frame, or the client failed on it. */
    DROPPED,
    /** The server closed the connection, e.g. 1001 at its maximum age. */
    CLOSED_BY_SERVER,
    /** A {@code serverShutdown} event. */
    SERVER_SHUTDOWN,
    /** An {@code eventStreamTerminated} event: the subscription ended. */
    STREAM_TERMINATED,
    /** The planned replacement before Binance's 24-hour limit. */
    PLANNED,
    /** Nothing heard for too long, or no answer to the subscription. */
    SILENT,
    /** The subscription was refused (bad signature, stale timestamp, unknown key ...). */
    SUBSCRIPTION_REFUSED,
    /** The connection could not be opened. */
    CONNECT_FAILED;

    String tag() {
        return name().toLowerCase(Locale.ROOT);
    }
}
