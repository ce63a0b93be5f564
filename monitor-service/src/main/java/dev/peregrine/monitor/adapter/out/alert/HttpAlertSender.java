package dev.peregrine.monitor.adapter.out.alert;

import dev.peregrine.monitor.application.alert.port.out.AlertSender;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import tools.jackson.databind.json.JsonMapper;

/**
 * POSTs a JSON body to one endpoint: 2xx is delivered; 5xx, 408, 429, timeouts and connection failures are worth a
 * retry; any other status is a rejection. Failure details carry the status code or the exception type only, never the
 * URL, which holds the secret.
 */
abstract class HttpAlertSender implements AlertSender {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http;
    private final URI endpoint;
    private final Duration timeout;

    HttpAlertSender(HttpClient http, URI endpoint, Duration timeout) {
        this.http = Objects.requireNonNull(http, "http");
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    /** The JSON body for {@code text}. */
    abstract Map<String, Object> body(String text);

    @Override
    public Outcome send(String text) {
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .timeout(timeout)
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body(text))))
                .build();
        try {
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            return outcome(response.statusCode());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Outcome.retryable("interrupted");
        } catch (IOException | RuntimeException e) {
            // The exception's message may name the URL (and so the token): only its type is kept.
            return Outcome.retryable(e.getClass().getSimpleName());
        }
    }

    static Outcome outcome(int status) {
        if (status >= 200 && status < 300) {
            return Outcome.delivered();
        }
        String detail = "HTTP " + status;
        if (status >= 500 || status == 408 || status == 429) {
            return Outcome.retryable(detail);
        }
        return Outcome.rejected(detail);
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + channel() + "]";
    }
}
