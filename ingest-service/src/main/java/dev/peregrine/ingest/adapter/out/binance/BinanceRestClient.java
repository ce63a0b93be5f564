package dev.peregrine.ingest.adapter.out.binance;

import dev.peregrine.common.value.Symbol;
import dev.peregrine.ingest.application.ConnectionAudit;
import dev.peregrine.ingest.application.port.out.ExchangeUnavailableException;
import dev.peregrine.ingest.application.port.out.FeedMetrics;
import dev.peregrine.ingest.application.port.out.InstrumentLookup;
import dev.peregrine.ingest.application.port.out.InstrumentSource;
import dev.peregrine.ingest.application.port.out.KlineHistory;
import dev.peregrine.ingest.domain.Candle;
import dev.peregrine.ingest.domain.Series;
import dev.peregrine.ingest.domain.instrument.Instrument;
import dev.peregrine.ingest.domain.live.ConnectionEvent;
import dev.peregrine.ingest.domain.live.ConnectionEventType;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.core.functions.CheckedSupplier;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RequestNotPermitted;
import io.github.resilience4j.retry.Retry;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /api/v3/klines} and {@code GET /api/v3/exchangeInfo} with the JDK's HTTP client. The official
 * connector's REST client turns a 429 or 418 into an exception without the response headers, so the Retry-After
 * Binance sends could not be honoured through it; this thin client reads the status and headers itself.
 *
 * <p>Each request waits its turn at the {@link RestGate} (Retry-After, bans, request weight), then goes through
 * resilience4j: a rate limiter (requests per second), a circuit breaker (opens after repeated failures: I/O errors
 * and 5xx answers) and a retry (I/O errors, 5xx, 429 and 418, with an exponential back-off; after a 429 or 418
 * the gate holds the next attempt until the Retry-After has passed). A request Binance refuses (400 and the like)
 * is not retried. 429 and 418 answers are counted and recorded in the audit trail.
 */
public final class BinanceRestClient implements KlineHistory, InstrumentSource {

    private static final Logger log = LoggerFactory.getLogger(BinanceRestClient.class);
    static final String USED_WEIGHT_HEADER = "X-MBX-USED-WEIGHT-1M";
    /** Binance's request weights (spot, 2025). */
    static final int KLINES_WEIGHT = 2;

    static final int EXCHANGE_INFO_WEIGHT = 20;
    /** Binance's code for "Invalid symbol." */
    static final int INVALID_SYMBOL = -1121;

    private final String baseUrl;
    private final HttpClient http;
    private final Duration timeout;
    private final RestGate gate;
    private final Retry retry;
    private final CircuitBreaker circuitBreaker;
    private final RateLimiter rateLimiter;
    private final ConnectionAudit audit;
    private final FeedMetrics metrics;
    private final Clock clock;
    private final Duration defaultRetryAfter;
    private final JsonMapper json = JsonMapper.builder().build();

    BinanceRestClient(
            String baseUrl,
            HttpClient http,
            Duration timeout,
            RestGate gate,
            Retry retry,
            CircuitBreaker circuitBreaker,
            RateLimiter rateLimiter,
            ConnectionAudit audit,
            FeedMetrics metrics,
            Clock clock,
            Duration defaultRetryAfter) {
        this.baseUrl = stripSlash(Objects.requireNonNull(baseUrl, "baseUrl"));
        this.http = Objects.requireNonNull(http, "http");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.gate = Objects.requireNonNull(gate, "gate");
        this.retry = Objects.requireNonNull(retry, "retry");
        this.circuitBreaker = Objects.requireNonNull(circuitBreaker, "circuitBreaker");
        this.rateLimiter = Objects.requireNonNull(rateLimiter, "rateLimiter");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.defaultRetryAfter = Objects.requireNonNull(defaultRetryAfter, "defaultRetryAfter");
    }

    @Override
    public List<Candle> klines(Series series, Optional<Instant> startTime, Optional<Instant> endTime, int limit) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("symbol", series.symbol().value());
        parameters.put("interval", series.interval().code());
        startTime.ifPresent(start -> parameters.put("startTime", Long.toString(start.toEpochMilli())));
        endTime.ifPresent(end -> parameters.put("endTime", Long.toString(end.toEpochMilli())));
        parameters.put("limit", Integer.toString(Math.min(limit, MAX_LIMIT)));
        String body = get("/api/v3/klines", parameters, KLINES_WEIGHT);
        try {
            return parseKlines(series, json.readTree(body));
        } catch (JacksonException | IllegalArgumentException | NullPointerException e) {
            throw new ExchangeUnavailableException(
                    "the klines answer for " + series + " cannot be read: " + e.getMessage(), e);
        }
    }

    @Override
    public InstrumentLookup lookup(List<Symbol> symbols) {
        if (symbols.isEmpty()) {
            return new InstrumentLookup(List.of(), List.of(), clock.instant());
        }
        try {
            String names =
                    symbols.stream().map(s -> "\"" + s.value() + "\"").collect(Collectors.joining(",", "[", "]"));
            return lookup(symbols, get("/api/v3/exchangeInfo", Map.of("symbols", names), EXCHANGE_INFO_WEIGHT));
        } catch (Refused refused) {
            if (refused.code != INVALID_SYMBOL) {
                throw new ExchangeUnavailableException(
                        "exchangeInfo refused the request: " + refused.getMessage(), refused);
            }
        }
        // Binance refuses the whole list for one unknown symbol without naming it: ask symbol by symbol.
        List<Instrument> found = new ArrayList<>();
        List<Symbol> unknown = new ArrayList<>();
        Instant serverTime = clock.instant();
        for (Symbol symbol : symbols) {
            try {
                InstrumentLookup one = lookup(
                        List.of(symbol),
                        get("/api/v3/exchangeInfo", Map.of("symbol", symbol.value()), EXCHANGE_INFO_WEIGHT));
                found.addAll(one.found());
                unknown.addAll(one.unknown());
                serverTime = one.serverTime();
            } catch (Refused refused) {
                if (refused.code != INVALID_SYMBOL) {
                    throw new ExchangeUnavailableException(
                            "exchangeInfo refused the request for " + symbol + ": " + refused.getMessage(), refused);
                }
                unknown.add(symbol);
            }
        }
        return new InstrumentLookup(found, unknown, serverTime);
    }

    private InstrumentLookup lookup(List<Symbol> asked, String body) {
        ExchangeInfoJson.Parsed parsed;
        try {
            parsed = ExchangeInfoJson.parse(body);
        } catch (IllegalArgumentException e) {
            throw new ExchangeUnavailableException("the exchangeInfo answer cannot be read: " + e.getMessage(), e);
        }
        List<Instrument> found = parsed.instruments().stream()
                .filter(i -> asked.contains(i.symbol()))
                .toList();
        List<Symbol> unknown = asked.stream()
                .filter(symbol -> !parsed.listed().contains(symbol))
                .toList();
        return new InstrumentLookup(found, unknown, parsed.serverTime().orElseGet(clock::instant));
    }

    private static List<Candle> parseKlines(Series series, JsonNode rows) {
        if (!rows.isArray()) {
            throw new IllegalArgumentException("expected an array of klines");
        }
        List<Candle> candles = new ArrayList<>(rows.size());
        for (JsonNode row : rows) {
            candles.add(new Candle(
                    series.symbol(),
                    series.interval(),
                    Instant.ofEpochMilli(row.get(0).asLong()),
                    Instant.ofEpochMilli(row.get(6).asLong()),
                    new BigDecimal(row.get(1).asString()),
                    new BigDecimal(row.get(2).asString()),
                    new BigDecimal(row.get(3).asString()),
                    new BigDecimal(row.get(4).asString()),
                    new BigDecimal(row.get(5).asString()),
                    new BigDecimal(row.get(7).asString()),
                    row.get(8).asLong(),
                    new BigDecimal(row.get(9).asString()),
                    new BigDecimal(row.get(10).asString())));
        }
        return candles;
    }

    /** One GET with the gate, rate limiter, circuit breaker and retry; the body of a 200 answer. */
    private String get(String path, Map<String, String> parameters, int weight) {
        CheckedSupplier<String> attempt = () -> send(path, parameters, weight);
        CheckedSupplier<String> decorated = Retry.decorateCheckedSupplier(
                retry,
                CircuitBreaker.decorateCheckedSupplier(
                        circuitBreaker, RateLimiter.decorateCheckedSupplier(rateLimiter, attempt)));
        try {
            return decorated.get();
        } catch (Refused | ExchangeUnavailableException e) {
            throw e;
        } catch (CallNotPermittedException e) {
            throw new ExchangeUnavailableException(
                    "GET " + path + " not sent: the circuit breaker is open after "
                            + "repeated failures of Binance's REST API",
                    e);
        } catch (RequestNotPermitted e) {
            throw new ExchangeUnavailableException(
                    "GET " + path + " not sent: " + "peregrine.ingest.binance.rest.requests-per-second leaves no room",
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ExchangeUnavailableException("interrupted while waiting to GET " + path, e);
        } catch (Throwable e) {
            throw new ExchangeUnavailableException(
                    "GET " + path + " failed after "
                            + retry.getRetryConfig().getMaxAttempts()
                            + " attempt(s): " + e.getMessage(),
                    e);
        }
    }

    private String send(String path, Map<String, String> parameters, int weight)
            throws IOException, InterruptedException {
        gate.awaitTurn(weight);
        URI uri = URI.create(baseUrl + path + query(parameters));
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(uri).timeout(timeout).GET().build(), HttpResponse.BodyHandlers.ofString());
        Instant receivedAt = clock.instant();
        response.headers()
                .firstValue(USED_WEIGHT_HEADER)
                .flatMap(BinanceRestClient::integer)
                .ifPresent(used -> {
                    gate.usedWeight(used, receivedAt);
                    metrics.restUsedWeight(used);
                });
        int status = response.statusCode();
        if (status == 200) {
            return response.body();
        }
        if (status == 429 || status == 418) {
            throw limited(path, status, response, receivedAt);
        }
        if (status >= 500) {
            throw new ServerError(status, "GET " + path + " answered " + status + ": " + abbreviate(response.body()));
        }
        int code = 0;
        String message = abbreviate(response.body());
        try {
            JsonNode error = json.readTree(response.body());
            code = error.path("code").asInt(0);
            message = error.path("msg").asString(message);
        } catch (JacksonException notJson) {
            log.debug("The {} answer to GET {} is not JSON", status, path);
        }
        throw new Refused(status, code, "GET " + path + " answered " + status + " (" + code + " " + message + ")");
    }

    private Limited limited(String path, int status, HttpResponse<String> response, Instant receivedAt) {
        Duration wait = RetryAfter.of(
                response.headers().firstValue("Retry-After"), response.body(), receivedAt, defaultRetryAfter);
        String what = status == 429 ? "rate limited (429)" : "IP banned (418)";
        Instant until = gate.holdOff(wait, receivedAt, what);
        metrics.restLimited(status);
        audit.record(
                status == 429 ? ConnectionEventType.RATE_LIMITED : ConnectionEventType.BANNED,
                ConnectionEvent.REST,
                "GET " + path + " answered " + status + " with Retry-After "
                        + response.headers().firstValue("Retry-After").orElse("(none)") + ": no request before "
                        + until);
        return new Limited(status, until);
    }

    private static String query(Map<String, String> parameters) {
        if (parameters.isEmpty()) {
            return "";
        }
        return parameters.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&", "?", ""));
    }

    private static Optional<Integer> integer(String text) {
        try {
            return Optional.of(Integer.parseInt(text.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static String abbreviate(String text) {
        if (text == null) {
            return "";
        }
        return text.length() <= 200 ? text : text.substring(0, 200) + "...";
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** A 429 or 418 answer: retried once the gate lets requests through again. */
    static final class Limited extends RuntimeException {
        final int status;
        final Instant until;

        Limited(int status, Instant until) {
            super((status == 429 ? "rate limited (429)" : "IP banned (418)") + " until " + until, null, false, false);
            this.status = status;
            this.until = until;
        }
    }

    /** A 5xx answer: retried, and counted by the circuit breaker. */
    static final class ServerError extends RuntimeException {
        ServerError(int status, String message) {
            super(message, null, false, false);
        }
    }

    /** A request Binance refuses (4xx other than 429 and 418): not retried. */
    static final class Refused extends RuntimeException {
        final int code;

        Refused(int status, int code, String message) {
            super(message, null, false, false);
            this.code = code;
        }
    }
}
