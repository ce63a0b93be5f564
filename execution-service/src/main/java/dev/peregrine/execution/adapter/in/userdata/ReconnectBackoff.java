package dev.peregrine.execution.adapter.in.userdata;

import java.time.Duration;
import java.util.Objects;

/**
 * How long to wait before the next connection: after a failure (no connection, a refused or unanswered
 * subscription, a subscribed connection that ended before it lived {@code max}) {@code first} doubling up to
 * {@code max}; after the end of a connection that lived at least {@code max} since subscribing, nothing (and the
 * failures are forgotten). So a server that ends every connection at once is not hammered.
 */
final class ReconnectBackoff {

    private final Duration first;
    private final Duration max;
    private int failures;

    ReconnectBackoff(Duration first, Duration max) {
        this.first = Objects.requireNonNull(first, "first");
        this.max = Objects.requireNonNull(max, "max");
    }

    Duration afterFailure() {
        failures++;
        Duration wait = first;
        for (int i = 1; i < failures && wait.compareTo(max) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(max) > 0 ? max : wait;
    }

    /** After a subscribed connection ended, having been subscribed for {@code lived}. */
    Duration afterEnd(Duration lived) {
        if (lived.compareTo(max) >= 0) {
            failures = 0;
            return Duration.ZERO;
        }
        return afterFailure();
    }

    int failures() {
        return failures;
    }
}
