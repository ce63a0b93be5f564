package dev.peregrine.exchangesim;

import java.time.Instant;
import java.util.Objects;

/** Why and when a WebSocket connection ended, so tests can assert that a limit (not luck) closed it. */
public record ConnectionClosure(long connectionId, Reason reason, int code, Instant at) {

    public enum Reason {
        /** The client closed it or went away. */
        CLIENT,
        /** {@link SimulatorFaults#dropAllConnections()}. */
        DROPPED_BY_FAULT,
        /** More incoming messages per second than Binance allows. */
        MESSAGE_RATE_EXCEEDED,
        /** Older than the maximum connection age (Binance: 24 hours). */
        MAX_AGE_REACHED,
        /** No pong answered a server ping in time. */
        PONG_TIMEOUT,
        /** A serverShutdown event was sent, then the connection closed ({@link UserDataFaults#shutdownServer()}). */
        SERVER_SHUTDOWN,
        /** The simulator was closed. */
        SIMULATOR_STOPPED
    }

    public ConnectionClosure {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(at, "at");
    }
}
