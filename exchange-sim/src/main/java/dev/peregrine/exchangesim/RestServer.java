package dev.peregrine.exchangesim;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The REST side on the JDK's HTTP server: Binance's {@code /api/v3/ping|time|exchangeInfo|klines} and the signed
 * trading endpoints ({@link TradingApi}, {@link SapiApi}) behind the request-weight limiter and the injected REST faults, plus the {@code /sim/...} control endpoints for manual
 * runs (those bypass limits, faults and the request log).
 */
final class RestServer {

    private static final System.Logger LOG = System.getLogger(RestServer.class.getName());
    private static final String USED_WEIGHT_1M = "X-MBX-USED-WEIGHT-1M";
    /** The older header name Binance still sends next to the per-interval one. */
    private static final String USED_WEIGHT = "X-MBX-USED-WEIGHT";
    /** Stands in for a query whose percent-encoding cannot be decoded; the API refuses it with -1100. */
    static final String MALFORMED_QUERY = "\u0000malformed";

    /**
     * An answer: status, JSON body and the Retry-After it carries (0 for none); or, with {@code dropAfter}, no
     * answer at all: the connection is closed after that hold (status 0 in the request log).
     */
    record Response(
            int status, String body, int retryAfterSeconds, Optional<Duration> dropAfter, boolean injectedFault) {
        Response(int status, String body, int retryAfterSeconds) {
            this(status, body, retryAfterSeconds, Optional.empty(), false);
        }

        static Response ok(String body) {
            return new Response(200, body, 0);
        }

        static Response dropConnection(Duration hold) {
            return new Response(0, "", 0, Optional.of(hold), true);
        }

        /** The same answer, marked as an injected fault in the request log. */
        Response injected() {
            return new Response(status, body, retryAfterSeconds, dropAfter, true);
        }
    }

    private final ExchangeSimulator simulator;
    private final Clock clock;
    private final RateLimiter limiter;
    private final RequestLog requestLog;
    private final BinanceApi api;
    private final TradingApi trading;
    private final SapiApi sapi;
    private final ControlApi control;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final HttpServer server;

    RestServer(ExchangeSimulator simulator, RateLimiter limiter, RequestLog requestLog) {
        this.simulator = simulator;
        this.clock = simulator.config().clock();
        this.limiter = limiter;
        this.requestLog = requestLog;
        this.api = new BinanceApi(simulator);
        this.trading = new TradingApi(simulator);
        this.sapi = new SapiApi(simulator);
        this.control = new ControlApi(simulator);
        try {
            server = HttpServer.create(
                    new InetSocketAddress(
                            simulator.config().host(), simulator.config().restPort()),
                    128);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "the REST server could not bind " + simulator.config().host() + ":"
                            + simulator.config().restPort(),
                    e);
        }
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    void stop() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String rawQuery =
                    Optional.ofNullable(exchange.getRequestURI().getRawQuery()).orElse("");
            if (path.startsWith("/sim/")) {
                byte[] body = exchange.getRequestBody().readAllBytes();
                Response response;
                try {
                    response = control.handle(
                            exchange.getRequestMethod(),
                            path,
                            parameters(rawQuery),
                            new String(body, StandardCharsets.UTF_8));
                } catch (IllegalArgumentException badEncoding) {
                    response = new Response(400, "{\"error\":\"the query is not valid percent-encoding\"}", 0);
                }
                write(exchange, response, OptionalInt.empty());
            } else {
                serveBinance(
                        exchange,
                        path,
                        rawQuery,
                        new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "REST client went away: {0}", e.toString());
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "REST request failed: " + e, e);
            answerInternalError(exchange);
        }
    }

    /** A bug must still reach the client as Binance's unknown error, not as a connection reset. */
    private static void answerInternalError(HttpExchange exchange) {
        try {
            write(
                    exchange,
                    new Response(
                            500, BinanceApi.error(-1000, "An unknown error occurred while processing the request."), 0),
                    OptionalInt.empty());
        } catch (IOException | RuntimeException alreadyAnswered) {
            LOG.log(System.Logger.Level.DEBUG, "could not answer the failed request: {0}", alreadyAnswered.toString());
        }
    }

    private void serveBinance(HttpExchange exchange, String path, String rawQuery, String rawBody) throws IOException {
        Instant at = clock.instant();
        String method = exchange.getRequestMethod();
        boolean tradingPath = TradingApi.serves(path);
        boolean signedPath = tradingPath || SapiApi.serves(path);
        Map<String, List<String>> parameters;
        try {
            parameters = parameters(rawQuery);
            if (signedPath) {
                // Binance reads parameters from the query string and the form body; the query string wins.
                parameters(rawBody).forEach(parameters::putIfAbsent);
            }
        } catch (IllegalArgumentException badEncoding) {
            parameters = Map.of(MALFORMED_QUERY, List.of(rawQuery));
        }
        int weight = tradingPath
                ? TradingApi.weight(method, path, parameters)
                : signedPath ? 1 : api.weight(method, path, parameters);
        Optional<SimulatorFaults.RestFault> fault = simulator.faults().takeRestFault();
        Response response;
        int used;
        if (fault.isPresent()) {
            used = limiter.usedWeight();
            response = BinanceApi.faultResponse(fault.get(), at, limiter.limit());
        } else {
            RateLimiter.Decision decision = limiter.admit(weight);
            used = decision.usedWeight();
            if (!decision.admitted()) {
                response = BinanceApi.limitResponse(decision, limiter.limit());
            } else if (signedPath) {
                Optional<String> apiKey =
                        Optional.ofNullable(exchange.getRequestHeaders().getFirst("X-MBX-APIKEY"));
                response = tradingPath
                        ? trading.handle(method, path, parameters, apiKey, rawQuery, rawBody)
                        : sapi.handle(method, path, parameters, apiKey, rawQuery, rawBody);
            } else {
                response = api.handle(method, path, parameters);
            }
        }
        OptionalInt retryAfter =
                response.retryAfterSeconds() > 0 ? OptionalInt.of(response.retryAfterSeconds()) : OptionalInt.empty();
        // Logged before the answer leaves, so a client that has its answer always finds its request in the log.
        requestLog.add(new RecordedRequest(
                at,
                method,
                path,
                rawQuery,
                response.status(),
                weight,
                used,
                retryAfter,
                fault.isPresent() || response.injectedFault()));
        if (response.dropAfter().isPresent()) {
            holdThenDrop(response.dropAfter().get());
            return;
        }
        exchange.getResponseHeaders().set(USED_WEIGHT_1M, Integer.toString(used));
        exchange.getResponseHeaders().set(USED_WEIGHT, Integer.toString(used));
        write(exchange, response, retryAfter);
    }

    /** Returning without an answer makes the HTTP server close the connection (the exchange is closed unanswered). */
    private static void holdThenDrop(Duration hold) {
        if (hold.isZero()) {
            return;
        }
        try {
            Thread.sleep(hold);
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
        }
    }

    private static void write(HttpExchange exchange, Response response, OptionalInt retryAfter) throws IOException {
        byte[] body = response.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json;charset=UTF-8");
        retryAfter.ifPresent(seconds -> exchange.getResponseHeaders().set("Retry-After", Integer.toString(seconds)));
        exchange.sendResponseHeaders(response.status(), body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            exchange.getResponseBody().write(body);
        }
    }

    /** Query parameters in order; a name sent twice keeps both values (Binance rejects that with -1101). */
    static Map<String, List<String>> parameters(String rawQuery) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return parameters;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            parameters.computeIfAbsent(name, key -> new java.util.ArrayList<>()).add(value);
        }
        return parameters;
    }
}
