package dev.peregrine.execution.adapter.in.userdata;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code userDataStream.subscribe.signature} (web-socket-api.md, "SIGNED request security"): params {@code apiKey},
 * {@code recvWindow}, {@code timestamp} (the venue's clock) and {@code signature} over every other param sorted by
 * name as {@code name=value&...}.
 */
final class SubscribeRequest {

    static final String METHOD = "userDataStream.subscribe.signature";

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private SubscribeRequest() {}

    static String frame(String requestId, SubscriptionSigner signer, long timestampMillis, Duration recvWindow) {
        Map<String, Object> params = new TreeMap<>();
        params.put("apiKey", signer.apiKey());
        params.put("recvWindow", recvWindow.toMillis());
        params.put("timestamp", timestampMillis);
        ObjectNode request = MAPPER.createObjectNode().put("id", requestId).put("method", METHOD);
        ObjectNode json = request.putObject("params");
        params.forEach((name, value) -> {
            if (value instanceof Long number) {
                json.put(name, number);
            } else {
                json.put(name, (String) value);
            }
        });
        json.put("signature", signer.sign(payload(params)));
        return MAPPER.writeValueAsString(request);
    }

    /** The signed text: the params sorted by name, {@code name=value} joined by {@code &}. */
    static String payload(Map<String, Object> params) {
        return new TreeMap<>(params)
                .entrySet().stream()
                        .map(param -> param.getKey() + "=" + param.getValue())
                        .collect(Collectors.joining("&"));
    }
}
