package dev.peregrine.exchangesim;

import java.time.Instant;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * One REST request the simulator answered: when it arrived (simulator wall clock), what was asked, and what it
 * got, including the Retry-After it was told to respect and whether the answer was an injected fault. Status 0
 * means the connection was closed without an answer (an accepted order's timeout fault).
 */
public record RecordedRequest(
        Instant at,
        String method,
        String path,
        String query,
        int status,
        int weight,
        int usedWeight,
        OptionalInt retryAfterSeconds,
        boolean injectedFault) {

    public RecordedRequest {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(retryAfterSeconds, "retryAfterSeconds");
    }

    /** The earliest instant the client may send again, when this answer carried a Retry-After. */
    public Instant retryNotBefore() {
        return retryAfterSeconds.isPresent() ? at.plusSeconds(retryAfterSeconds.getAsInt()) : at;
    }
}
