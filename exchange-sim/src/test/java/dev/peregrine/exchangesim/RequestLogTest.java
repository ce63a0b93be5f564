package dev.peregrine.exchangesim;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class RequestLogTest {

    private static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");

    private static RecordedRequest request(long secondsAfterStart, int status, Integer retryAfter) {
        return new RecordedRequest(
                T0.plusSeconds(secondsAfterStart),
                "GET",
                "/api/v3/klines",
                "",
                status,
                2,
                2,
                retryAfter == null ? OptionalInt.empty() : OptionalInt.of(retryAfter),
                false);
    }

    @Test
    void aClientThatWaitsOutRetryAfterHasNoViolations() {
        RequestLog log = new RequestLog();
        log.add(request(0, 429, 5));
        log.add(request(5, 200, null));

        assertThat(log.retryAfterViolations()).isEmpty();
    }

    @Test
    void requestsBeforeRetryAfterPassedAreViolations() {
        RequestLog log = new RequestLog();
        log.add(request(0, 418, 120));
        RecordedRequest early = request(60, 418, 60);
        log.add(early);
        log.add(request(121, 200, null));

        assertThat(log.retryAfterViolations()).containsExactly(early);
    }
}
