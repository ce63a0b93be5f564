package dev.peregrine.monitor.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * How long a chain took from the signal to its fill, measured on the producers' processing times (the
 * signal's envelope and the fill's envelope), so the monitor's own consumer lag does not count.
 */
public final class SignalToFillLatency {

    private SignalToFillLatency() {}

    /**
     * The latency, or empty when the fill claims to be processed before its signal: that can only be clock
     * skew between the hosts of signal- and execution-service, and a made-up zero would hide it.
     */
    public static Optional<Duration> between(Instant signalProcessed, Instant fillProcessed) {
        Duration latency = Duration.between(signalProcessed, fillProcessed);
        return latency.isNegative() ? Optional.empty() : Optional.of(latency);
    }
}
