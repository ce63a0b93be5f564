package dev.peregrine.localstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * Checks, before anything starts, that Binance's REST API answers ({@code GET /api/v3/ping}), because the live
 * market data needs it: without it ingest-service would start and wait for data that never comes. The base URL
 * is the one ingest-service will use ({@code PEREGRINE_INGEST_BINANCE_REST_BASE_URL}, else Binance's).
 */
final class BinanceReachability {

    static final String DEFAULT_REST_BASE_URL = "https://api.binance.com";
    static final String REST_BASE_URL_VARIABLE = "PEREGRINE_INGEST_BINANCE_REST_BASE_URL";
    static final Duration TIMEOUT = Duration.ofSeconds(5);

    private BinanceReachability() {}

    static String restBaseUrl(Map<String, String> environment) {
        String configured = environment.get(REST_BASE_URL_VARIABLE);
        String url = configured == null || configured.isBlank() ? DEFAULT_REST_BASE_URL : configured.trim();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** Throws {@link UnreachableException} saying what failed and how to run without Binance. */
    static void verifyReachable(String restBaseUrl, Duration timeout) {
        String ping = restBaseUrl + "/api/v3/ping";
        HttpClient http = HttpClient.newBuilder().connectTimeout(timeout).build();
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create(ping))
                            .timeout(timeout)
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new UnreachableException(
                        ping,
                        "it answered HTTP " + response.statusCode()
                                + (response.statusCode() == 451 || response.statusCode() == 403
                                        ? " (Binance refuses this location)"
                                        : ""));
            }
        } catch (IOException e) {
            throw new UnreachableException(
                    ping, e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        } catch (IllegalArgumentException e) {
            throw new UnreachableException(ping, "not a valid URL: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UnreachableException(ping, "interrupted");
        }
    }

    static final class UnreachableException extends RuntimeException {

        UnreachableException(String ping, String reason) {
            super("Market data source unavailable: Binance is unreachable (GET " + ping + " failed: " + reason + ").\n"
                    + "The default market data is Binance's live public streams, which need network access to Binance.\n"
                    + "Without it, replay recorded klines instead: ./local-stack.sh " + LocalStackOptions.replayOption()
                    + "\nNothing was started.");
        }
    }
}
