package dev.peregrine.execution.adapter.in.userdata;

import dev.peregrine.common.event.AccountSnapshot.AssetBalance;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the WebSocket API's text frames (user-data-stream.md, web-socket-api.md): answers
 * {@code {"id":..,"status":..,"result"|"error":..}} and events {@code {"subscriptionId":N,"event":{"e":..}}}. Never
 * throws: a frame that is not JSON, or an event without the fields this adapter reads, is {@link UserDataEvent.Malformed}.
 */
final class UserDataFrames {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private UserDataFrames() {}

    static UserDataEvent read(String text) {
        try {
            JsonNode frame = MAPPER.readTree(text);
            if (frame == null || !frame.isObject()) {
                return new UserDataEvent.Malformed("not a JSON object");
            }
            if (frame.has("event")) {
                return event(frame.get("event"));
            }
            if (frame.has("status")) {
                return answer(frame);
            }
            return new UserDataEvent.Malformed("neither an event nor an answer");
        } catch (JacksonException e) {
            return new UserDataEvent.Malformed("not JSON: " + e.getOriginalMessage());
        } catch (IllegalArgumentException e) {
            return new UserDataEvent.Malformed(e.getMessage());
        }
    }

    private static UserDataEvent event(JsonNode event) {
        String type = string(event, "e");
        return switch (type) {
            case "executionReport" -> orderUpdate(event);
            case "outboundAccountPosition" -> accountPosition(event);
            case "eventStreamTerminated" -> new UserDataEvent.StreamTerminated();
            case "serverShutdown" -> new UserDataEvent.ServerShutdown();
            default -> new UserDataEvent.Other(type);
        };
    }

    private static UserDataEvent.OrderUpdate orderUpdate(JsonNode report) {
        String own = string(report, "c");
        JsonNode original = report.get("C");
        // On a cancel, c names the cancel request and C the canceled order; otherwise C is empty (or null).
        String clientOrderId = original != null
                        && original.isString()
                        && !original.stringValue().isBlank()
                ? original.stringValue()
                : own;
        return new UserDataEvent.OrderUpdate(
                string(report, "s"),
                clientOrderId,
                string(report, "x"),
                string(report, "X"),
                integer(report, "i"),
                integer(report, "t"));
    }

    private static UserDataEvent.AccountPosition accountPosition(JsonNode position) {
        JsonNode assets = position.get("B");
        if (assets == null || !assets.isArray()) {
            throw new IllegalArgumentException("outboundAccountPosition without its B array");
        }
        List<AssetBalance> balances = new ArrayList<>(assets.size());
        for (JsonNode asset : assets) {
            balances.add(new AssetBalance(string(asset, "a"), decimal(asset, "f"), decimal(asset, "l")));
        }
        return new UserDataEvent.AccountPosition(Instant.ofEpochMilli(integer(position, "E")), balances);
    }

    private static UserDataEvent.Answer answer(JsonNode frame) {
        JsonNode id = frame.get("id");
        String requestId = id == null || id.isNull() ? "" : id.asString();
        int status = (int) integer(frame, "status");
        JsonNode error = frame.get("error");
        if (error != null && error.isObject()) {
            return new UserDataEvent.Answer(
                    requestId,
                    status,
                    Optional.empty(),
                    (int) integer(error, "code"),
                    error.path("msg").asString(""));
        }
        JsonNode subscription = frame.path("result").get("subscriptionId");
        Optional<Integer> subscriptionId = subscription != null && subscription.isIntegralNumber()
                ? Optional.of(subscription.intValue())
                : Optional.empty();
        return new UserDataEvent.Answer(requestId, status, subscriptionId, 0, "");
    }

    private static String string(JsonNode node, String name) {
        JsonNode value = node.get(name);
        if (value == null || !value.isString()) {
            throw new IllegalArgumentException("field " + name + " is missing or not a string");
        }
        return value.stringValue();
    }

    private static long integer(JsonNode node, String name) {
        JsonNode value = node.get(name);
        if (value == null || !value.isIntegralNumber()) {
            throw new IllegalArgumentException("field " + name + " is missing or not an integer");
        }
        return value.longValue();
    }

    private static BigDecimal decimal(JsonNode node, String name) {
        try {
            return new BigDecimal(string(node, name));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("field " + name + " is not a decimal: " + node.get(name));
        }
    }
}
