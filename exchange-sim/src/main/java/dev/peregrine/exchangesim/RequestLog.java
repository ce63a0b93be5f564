package dev.peregrine.exchangesim;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** Every REST request the simulator answered, in arrival order (control endpoints under /sim are not recorded). */
public final class RequestLog {

    private final List<RecordedRequest> requests = new ArrayList<>();

    synchronized void add(RecordedRequest request) {
        requests.add(request);
    }

    public synchronized List<RecordedRequest> all() {
        return List.copyOf(requests);
    }

    public synchronized List<RecordedRequest> matching(Predicate<RecordedRequest> filter) {
        return requests.stream().filter(filter).toList();
    }

    public synchronized int size() {
        return requests.size();
    }

    public synchronized void clear() {
        requests.clear();
    }

    /**
     * Requests that arrived before a Retry-After given by an earlier answer had passed: a well-behaved client
     * produces none. This is the check behind "no request came before Retry-After passed".
     */
    public synchronized List<RecordedRequest> retryAfterViolations() {
        List<RecordedRequest> violations = new ArrayList<>();
        Instant notBefore = Instant.MIN;
        for (RecordedRequest request : requests) {
            if (request.at().isBefore(notBefore)) {
                violations.add(request);
            }
            if (request.retryAfterSeconds().isPresent()
                    && request.retryNotBefore().isAfter(notBefore)) {
                notBefore = request.retryNotBefore();
            }
        }
        return violations;
    }
}
