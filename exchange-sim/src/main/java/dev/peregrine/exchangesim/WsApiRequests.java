package dev.peregrine.exchangesim;

import java.util.List;
import java.util.Optional;
import org.java_websocket.WebSocket;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Binance's WebSocket API (web-socket-api.md) at {@value #PATH} on the stream server's port: requests
 * {@code {"id":..,"method":..,"params":{..}}} answered {@code {"id":..,"status":200,"result":..,"rateLimits":[..]}}
 * or {@code {"id":..,"status":4xx,"error":{"code":..,"msg":..}}}. Methods: {@code ping}, {@code time},
 * {@code session.status}, {@code session.subscriptions}, {@code userDataStream.subscribe.signature} (HMAC-signed,
 * checked like a REST request) and {@code userDataStream.unsubscribe}. Request weights count against the same
 * per-minute limit as REST.
 */
final class WsApiRequests {

    static final String PATH = "/ws-api/v3";

    private final ExchangeSimulator simulator;
    private final RateLimiter limiter;
    private final SignedRequests signed;

    WsApiRequests(ExchangeSimulator simulator, RateLimiter limiter) {
        this.simulator = simulator;
        this.limiter = limiter;
        this.signed = new SignedRequests(simulator.config().trading());
    }

    void opened(StreamConnection state) {
        state.wsApi.connected(simulator.serverTime());
    }

    /** Whether a ping or request is answered now (not while the user data stream is silent without answers). */
    boolean answer() {
        return simulator.faults().userData().answer();
    }

    boolean answering() {
        return simulator.faults().userData().answering();
    }

    void handle(WebSocket conn, StreamConnection state, String text) {
        if (!answer()) {
            return;
        }
        JsonNode request;
        try {
            request = Json.MAPPER.readTree(text);
        } catch (JacksonException e) {
            UserDataStream.send(conn, error(Json.MAPPER.nullNode(), 400, -1000, "Malformed request: not JSON.", null));
            return;
        }
        JsonNode id = request.has("id") ? request.get("id") : Json.MAPPER.nullNode();
        String method = request.path("method").asString("").replaceFirst("^v3/", "");
        JsonNode params = request.has("params") ? request.get("params") : Json.MAPPER.createObjectNode();
        boolean rateLimits = params.has("returnRateLimits")
                ? params.get("returnRateLimits").asBoolean()
                : state.wsApi.returnRateLimits();
        RateLimiter.Decision decision = limiter.admit(method.equals("ping") || method.equals("time") ? 1 : 2);
        ArrayNode limits = rateLimits ? rateLimits(decision.usedWeight()) : null;
        if (!decision.admitted()) {
            UserDataStream.send(
                    conn,
                    error(
                            id,
                            decision.status(),
                            -1003,
                            "Too much request weight used; current limit is " + limiter.limit()
                                    + " request weight per 1 MINUTE.",
                            limits));
            return;
        }
        List<Integer> ended = List.of();
        try {
            JsonNode result = switch (method) {
                case "ping" -> Json.MAPPER.createObjectNode();
                case "time" ->
                    Json.MAPPER
                            .createObjectNode()
                            .put("serverTime", simulator.serverTime().toEpochMilli());
                case "session.status" -> status(state.wsApi);
                case "session.subscriptions" -> subscriptions(state.wsApi);
                case "userDataStream.subscribe.signature" -> {
                    signed.verifyWsApi(params, simulator.serverTime());
                    yield Json.MAPPER.createObjectNode().put("subscriptionId", state.wsApi.subscribe());
                }
                case "userDataStream.unsubscribe" -> {
                    ended = state.wsApi.unsubscribe(
                            Optional.ofNullable(params.get("subscriptionId")).map(JsonNode::asInt));
                    yield Json.MAPPER.createObjectNode();
                }
                default ->
                    throw TradingRefusal.badRequest(
                            -1000,
                            "Unknown method '" + method
                                    + "'; the exchange simulator serves ping, time, session.status, session.subscriptions, "
                                    + "userDataStream.subscribe.signature and userDataStream.unsubscribe.");
            };
            ObjectNode response = Json.MAPPER.createObjectNode();
            response.set("id", id);
            response.put("status", 200);
            response.set("result", result);
            if (limits != null) {
                response.set("rateLimits", limits);
            }
            UserDataStream.send(conn, Json.MAPPER.writeValueAsString(response));
            simulator.userDataStream().terminated(conn, ended);
        } catch (TradingRefusal refusal) {
            UserDataStream.send(conn, error(id, refusal.httpStatus(), refusal.code(), refusal.getMessage(), limits));
        }
    }

    private ObjectNode status(WsApiSession session) {
        ObjectNode status = Json.MAPPER.createObjectNode();
        // userDataStream.subscribe.signature does not authenticate the session (session.logon, Ed25519 only, does).
        status.putNull("apiKey");
        status.putNull("authorizedSince");
        status.put("connectedSince", session.connectedSince().toEpochMilli());
        status.put("returnRateLimits", session.returnRateLimits());
        status.put("serverTime", simulator.serverTime().toEpochMilli());
        status.put("userDataStream", !session.subscriptions().isEmpty());
        return status;
    }

    private static ArrayNode subscriptions(WsApiSession session) {
        ArrayNode list = Json.MAPPER.createArrayNode();
        session.subscriptions().forEach(id -> list.addObject().put("subscriptionId", id));
        return list;
    }

    private ArrayNode rateLimits(int used) {
        ArrayNode limits = Json.MAPPER.createArrayNode();
        ObjectNode weight = limits.addObject();
        weight.put("rateLimitType", "REQUEST_WEIGHT");
        weight.put("interval", "MINUTE");
        weight.put("intervalNum", 1);
        weight.put("limit", limiter.limit());
        weight.put("count", used);
        return limits;
    }

    private static String error(JsonNode id, int status, int code, String message, ArrayNode limits) {
        ObjectNode response = Json.MAPPER.createObjectNode();
        response.set("id", id);
        response.put("status", status);
        ObjectNode error = response.putObject("error");
        error.put("code", code);
        error.put("msg", message);
        if (limits != null) {
            response.set("rateLimits", limits);
        }
        return Json.MAPPER.writeValueAsString(response);
    }
}
