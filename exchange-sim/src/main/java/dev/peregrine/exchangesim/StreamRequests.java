package dev.peregrine.exchangesim;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Answers the live requests of a market-stream connection as Binance does (web-socket-streams.md): SUBSCRIBE,
 * UNSUBSCRIBE, LIST_SUBSCRIPTIONS, SET_PROPERTY and GET_PROPERTY, with Binance's error codes and messages for the
 * rest. Apart from {@link StreamServer}, which owns the connections and their limits, because the request protocol
 * is a job of its own: one request text in, one response text out.
 */
final class StreamRequests {

    /** Request ids Binance accepts besides 64-bit integers and null. */
    private static final Pattern STRING_ID = Pattern.compile("^[A-Za-z0-9-]{1,36}$");

    private static final String METHODS =
            "`SUBSCRIBE`, `UNSUBSCRIBE`, `LIST_SUBSCRIPTIONS`, `SET_PROPERTY`, `GET_PROPERTY`";

    private final int maxStreamsPerConnection;

    StreamRequests(int maxStreamsPerConnection) {
        this.maxStreamsPerConnection = maxStreamsPerConnection;
    }

    /** The response to one request text of the connection, which a SUBSCRIBE or SET_PROPERTY changes. */
    String answer(StreamConnection state, String text) {
        JsonNode request;
        try {
            request = Json.MAPPER.readTree(text);
        } catch (JacksonException e) {
            return error(3, "Invalid JSON: " + e.getOriginalMessage(), null);
        }
        if (request == null || !request.isObject()) {
            return error(3, "Invalid JSON: expected an object", null);
        }
        JsonNode id = request.get("id");
        if (id == null
                || !(id.isNull()
                        || (id.isIntegralNumber() && id.canConvertToLong())
                        || (id.isString() && STRING_ID.matcher(id.stringValue()).matches()))) {
            return error(2, "Invalid request: request ID must be an unsigned integer", null);
        }
        JsonNode method = request.get("method");
        if (method == null || !method.isString()) {
            return error(2, "Invalid request: missing field `method`", id);
        }
        JsonNode params = request.get("params");
        return switch (method.stringValue()) {
            case "SUBSCRIBE" -> {
                List<String> streams = streamNames(params);
                if (streams == null) {
                    yield error(2, "Invalid request: params must be an array of stream names", id);
                } else if (!state.subscribe(streams, maxStreamsPerConnection)) {
                    yield error(4, "Too many subscriptions", id);
                }
                yield result(Json.MAPPER.nullNode(), id);
            }
            case "UNSUBSCRIBE" -> {
                List<String> streams = streamNames(params);
                if (streams == null) {
                    yield error(2, "Invalid request: params must be an array of stream names", id);
                }
                state.unsubscribe(streams);
                yield result(Json.MAPPER.nullNode(), id);
            }
            case "LIST_SUBSCRIPTIONS" -> {
                ArrayNode list = Json.MAPPER.createArrayNode();
                state.subscriptions().forEach(list::add);
                yield result(list, id);
            }
            case "SET_PROPERTY" -> setProperty(state, params, id);
            case "GET_PROPERTY" -> getProperty(state, params, id);
            default ->
                error(
                        2,
                        "Invalid request: unknown variant `" + method.stringValue() + "`, expected one of " + METHODS,
                        id);
        };
    }

    private static String setProperty(StreamConnection state, JsonNode params, JsonNode id) {
        if (params == null || !params.isArray() || params.size() != 2) {
            return error(2, "Invalid request: too many parameters", id);
        } else if (!params.get(0).isString()) {
            return error(2, "Invalid request: property name must be a string", id);
        } else if (!"combined".equals(params.get(0).stringValue())) {
            return error(0, "Unknown property", id);
        } else if (!params.get(1).isBoolean()) {
            return error(1, "Invalid value type: expected Boolean", id);
        }
        state.combined(params.get(1).booleanValue());
        return result(Json.MAPPER.nullNode(), id);
    }

    private static String getProperty(StreamConnection state, JsonNode params, JsonNode id) {
        if (params == null
                || !params.isArray()
                || params.size() != 1
                || !params.get(0).isString()) {
            return error(2, "Invalid request: property name must be a string", id);
        } else if (!"combined".equals(params.get(0).stringValue())) {
            return error(0, "Unknown property", id);
        }
        return result(Json.MAPPER.getNodeFactory().booleanNode(state.combined()), id);
    }

    private static List<String> streamNames(JsonNode params) {
        if (params == null || !params.isArray()) {
            return null;
        }
        List<String> names = new ArrayList<>();
        for (JsonNode param : params) {
            if (!param.isString() || param.stringValue().isBlank()) {
                return null;
            }
            names.add(param.stringValue());
        }
        return names;
    }

    private static String result(JsonNode result, JsonNode id) {
        ObjectNode response = Json.MAPPER.createObjectNode();
        response.set("result", result);
        response.set("id", id);
        return Json.MAPPER.writeValueAsString(response);
    }

    private static String error(int code, String message, JsonNode id) {
        ObjectNode response = Json.MAPPER.createObjectNode();
        ObjectNode error = response.putObject("error");
        error.put("code", code);
        error.put("msg", message);
        response.set("id", id == null ? Json.MAPPER.nullNode() : id);
        return Json.MAPPER.writeValueAsString(response);
    }
}
