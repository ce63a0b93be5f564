package dev.peregrine.exchangesim;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import tools.jackson.databind.JsonNode;

/**
 * Binance's SIGNED endpoint security (rest-api.md, "SIGNED endpoint security"): the {@code X-MBX-APIKEY}
 * header, an HMAC-SHA256 {@code signature} over the query string followed directly by the body (without the
 * signature itself), and a {@code timestamp} no more than 1 s ahead of server time and no older than
 * {@code recvWindow} (default 5000, at most 60000). Only HMAC keys are simulated.
 */
final class SignedRequests {

    static final long DEFAULT_RECV_WINDOW = 5000;
    static final long MAX_RECV_WINDOW = 60000;
    private static final long MAX_AHEAD_MILLIS = 1000;
    private static final Pattern API_KEY_FORMAT = Pattern.compile("^[A-Za-z0-9]{1,128}$");
    private static final Pattern DIGITS = Pattern.compile("^[0-9]{1,19}$");

    private final TradingConfig config;

    SignedRequests(TradingConfig config) {
        this.config = config;
    }

    /**
     * Refuses a signed REST request with Binance's error when its parameters are malformed or sent twice, or it is
     * not correctly signed and fresh.
     */
    void verifyRequest(
            Optional<String> apiKeyHeader,
            String rawQuery,
            String rawBody,
            Map<String, List<String>> parameters,
            Instant serverTime) {
        if (parameters.containsKey(RestServer.MALFORMED_QUERY)) {
            throw TradingRefusal.badRequest(-1100, "Illegal characters found in a parameter.");
        }
        if (parameters.values().stream().anyMatch(values -> values.size() > 1)) {
            throw TradingRefusal.badRequest(-1101, "Duplicate values for a parameter detected.");
        }
        verify(apiKeyHeader, rawQuery, rawBody, parameters, serverTime);
    }

    /** Refuses the request with Binance's error when it is not correctly signed and fresh. */
    void verify(
            Optional<String> apiKeyHeader,
            String rawQuery,
            String rawBody,
            Map<String, List<String>> parameters,
            Instant serverTime) {
        verify(
                apiKeyHeader,
                name -> single(parameters, name),
                withoutSignature(rawQuery) + withoutSignature(rawBody),
                serverTime);
    }

    /**
     * A signed WebSocket API request (web-socket-api.md, "SIGNED request example (HMAC)"): {@code apiKey},
     * {@code timestamp}, optional {@code recvWindow} and {@code signature} among the {@code params}; the signature
     * covers every other parameter, sorted by name, as {@code name=value} pairs joined by {@code &}.
     */
    void verifyWsApi(JsonNode params, Instant serverTime) {
        Function<String, Optional<String>> param = name -> Optional.ofNullable(params.get(name))
                .filter(JsonNode::isValueNode)
                .filter(value -> !value.isNull())
                .map(JsonNode::asString)
                .filter(value -> !value.isEmpty());
        String apiKey = param.apply("apiKey").orElseThrow(() -> TradingRefusal.mandatory("apiKey"));
        verify(Optional.of(apiKey), param, wsApiPayload(params), serverTime);
    }

    /** The WebSocket API's signature payload: every parameter but the signature, sorted by name. */
    static String wsApiPayload(JsonNode params) {
        return params.propertyNames().stream()
                .filter(name -> !name.equals("signature"))
                .sorted()
                .map(name -> name + "="
                        + (params.get(name).isValueNode()
                                ? params.get(name).asString()
                                : params.get(name).toString()))
                .collect(Collectors.joining("&"));
    }

    private void verify(
            Optional<String> apiKeyValue,
            Function<String, Optional<String>> param,
            String payload,
            Instant serverTime) {
        String apiKey = apiKeyValue
                .filter(key -> API_KEY_FORMAT.matcher(key).matches())
                .orElseThrow(() -> new TradingRefusal(401, -2014, "API-key format invalid."));
        if (!MessageDigest.isEqual(
                apiKey.getBytes(StandardCharsets.UTF_8), config.apiKey().getBytes(StandardCharsets.UTF_8))) {
            throw new TradingRefusal(401, -2015, "Invalid API-key, IP, or permissions for action.");
        }
        String signature = param.apply("signature").orElseThrow(() -> TradingRefusal.mandatory("signature"));
        long timestamp = number(param, "timestamp").orElseThrow(() -> TradingRefusal.mandatory("timestamp"));
        long recvWindow = number(param, "recvWindow").orElse(DEFAULT_RECV_WINDOW);
        if (recvWindow > MAX_RECV_WINDOW) {
            throw TradingRefusal.badRequest(-1131, "recvWindow must be less than 60000");
        }
        String expected = hmacSha256(config.secretKey(), payload);
        if (!MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.US_ASCII),
                signature.toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII))) {
            throw TradingRefusal.badRequest(-1022, "Signature for this request is not valid.");
        }
        long now = serverTime.toEpochMilli();
        if (timestamp > now + MAX_AHEAD_MILLIS) {
            throw TradingRefusal.badRequest(-1021, "Timestamp for this request was 1000ms ahead of the server's time.");
        }
        if (now - timestamp > recvWindow) {
            throw TradingRefusal.badRequest(-1021, "Timestamp for this request is outside of the recvWindow.");
        }
    }

    /** Lower-case hex HMAC-SHA256, as Binance and the connector's HmacSignatureGenerator compute it. */
    static String hmacSha256(String secret, String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /** The raw (still percent-encoded) parameters as sent, without the signature pair. */
    static String withoutSignature(String raw) {
        if (raw == null || raw.isEmpty()) {
            return "";
        }
        return Stream.of(raw.split("&"))
                .filter(pair -> !pair.startsWith("signature="))
                .collect(Collectors.joining("&"));
    }

    private static Optional<String> single(Map<String, List<String>> parameters, String name) {
        List<String> values = parameters.get(name);
        return values == null || values.getFirst().isEmpty() ? Optional.empty() : Optional.of(values.getFirst());
    }

    private static Optional<Long> number(Function<String, Optional<String>> param, String name) {
        Optional<String> value = param.apply(name);
        if (value.isPresent() && !DIGITS.matcher(value.get()).matches()) {
            throw TradingRefusal.badRequest(
                    -1100,
                    "Illegal characters found in parameter '" + name + "'; legal range is '" + DIGITS.pattern() + "'.");
        }
        return value.map(Long::parseLong);
    }
}
