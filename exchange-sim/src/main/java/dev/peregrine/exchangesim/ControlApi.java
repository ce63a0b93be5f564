package dev.peregrine.exchangesim;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code /sim/...} endpoints for manual runs: move the market clock, play recorded data, inject faults and
 * read what happened. POST changes something, GET reads.
 */
final class ControlApi {

    private final ExchangeSimulator simulator;

    ControlApi(ExchangeSimulator simulator) {
        this.simulator = simulator;
    }

    RestServer.Response handle(String method, String path, Map<String, List<String>> parameters, String body) {
        try {
            if (method.equals("GET")) {
                return switch (path) {
                    case "/sim/status" -> RestServer.Response.ok(status());
                    case "/sim/faults" -> RestServer.Response.ok(faultCounts());
                    case "/sim/requests" -> RestServer.Response.ok(requests());
                    case "/sim/account" ->
                        RestServer.Response.ok(TradingJson.account(
                                simulator.config().trading(),
                                simulator.engine().balances(),
                                false,
                                simulator.serverTime().toEpochMilli()));
                    case "/sim/api-restrictions" -> apiRestrictions();
                    default -> notFound(path);
                };
            }
            if (!method.equals("POST")) {
                return new RestServer.Response(405, message("error", "use GET to read and POST to act"), 0);
            }
            SimulatorFaults faults = simulator.faults();
            return switch (path) {
                case "/sim/advance" -> released(simulator.advance(integer(parameters, "n", 1)));
                case "/sim/advance-to" ->
                    released(simulator.advanceTo(Instant.ofEpochMilli(number(parameters, "time"))));
                case "/sim/play" -> {
                    simulator.play(Duration.ofMillis(number(parameters, "perKlineMillis")));
                    yield RestServer.Response.ok(status());
                }
                case "/sim/stop" -> {
                    simulator.stopPlaying();
                    yield RestServer.Response.ok(status());
                }
                case "/sim/capture/release" -> sent(simulator.releaseCaptured(integer(parameters, "n", 1)));
                case "/sim/capture/play" -> {
                    simulator.playCapture(Double.parseDouble(text(parameters, "speed", "1")));
                    yield RestServer.Response.ok(status());
                }
                case "/sim/api-restrictions" -> {
                    simulator.apiRestrictions(changedRestrictions(parameters));
                    yield apiRestrictions();
                }
                case "/sim/faults/drop-connections" -> sent(faults.dropAllConnections());
                case "/sim/faults/stall" -> {
                    faults.stallStreams(Duration.ofMillis(number(parameters, "millis")));
                    yield RestServer.Response.ok(faultCounts());
                }
                case "/sim/faults/malformed" -> sent(faults.sendMalformedMessage());
                case "/sim/faults/truncated" -> sent(faults.sendTruncatedMessage());
                case "/sim/faults/raw" -> sent(faults.sendRawText(body));
                case "/sim/faults/duplicate-kline" -> sent(faults.duplicateLastKline());
                case "/sim/faults/out-of-order-kline" -> sent(faults.sendOutOfOrderKline());
                case "/sim/faults/rest" -> {
                    faults.failNextRequests(
                            integer(parameters, "count", 1),
                            integer(parameters, "status", 429),
                            integer(parameters, "retryAfter", 0));
                    yield RestServer.Response.ok(faultCounts());
                }
                case "/sim/faults/order-timeout" -> {
                    faults.timeOutAfterNextOrders(
                            integer(parameters, "count", 1), Duration.ofMillis(number(parameters, "holdMillis", 0)));
                    yield RestServer.Response.ok(faultCounts());
                }
                case "/sim/faults/order-5xx" -> {
                    faults.serverErrorAfterNextOrders(
                            integer(parameters, "count", 1), integer(parameters, "status", 500));
                    yield RestServer.Response.ok(faultCounts());
                }
                case "/sim/faults/order-1007" -> {
                    faults.backendTimeoutAfterNextOrders(
                            integer(parameters, "count", 1), integer(parameters, "status", 504));
                    yield RestServer.Response.ok(faultCounts());
                }
                case "/sim/faults/user-data/drop" -> sent(faults.userData().dropConnections());
                case "/sim/faults/user-data/silent" -> {
                    faults.userData().goSilent(Boolean.parseBoolean(text(parameters, "answerPings", "true")));
                    yield RestServer.Response.ok(faultCounts());
                }
                case "/sim/faults/user-data/resume" -> {
                    faults.userData().resume();
                    yield RestServer.Response.ok(faultCounts());
                }
                case "/sim/faults/user-data/delay" -> {
                    faults.userData().delayExecutionReports(Duration.ofMillis(number(parameters, "millis")));
                    yield RestServer.Response.ok(faultCounts());
                }
                case "/sim/faults/user-data/duplicate" -> {
                    faults.userData().duplicateNextExecutionReports(integer(parameters, "count", 1));
                    yield RestServer.Response.ok(faultCounts());
                }
                case "/sim/faults/user-data/shutdown" -> sent(faults.userData().shutdownServer());
                case "/sim/faults/clock-skew" -> {
                    faults.skewClock(Duration.ofMillis(number(parameters, "millis")));
                    yield RestServer.Response.ok(faultCounts());
                }
                default -> notFound(path);
            };
        } catch (IllegalArgumentException e) {
            return new RestServer.Response(400, message("error", e.getMessage()), 0);
        } catch (IllegalStateException e) {
            return new RestServer.Response(409, message("error", e.getMessage()), 0);
        }
    }

    private String status() {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("marketTime", simulator.marketNow().toEpochMilli());
        node.put("serverTime", simulator.serverTime().toEpochMilli());
        node.put("exhausted", simulator.exhausted());
        node.put("playing", simulator.isPlaying());
        node.put("capturedRemaining", simulator.capturedRemaining());
        node.put("openConnections", simulator.openConnections());
        return Json.MAPPER.writeValueAsString(node);
    }

    private RestServer.Response apiRestrictions() {
        return RestServer.Response.ok(simulator.apiRestrictions().json(simulator.serverTime()));
    }

    /** {@code ?enableWithdrawals=true&ipRestrict=false...}: every parameter names a flag and is true or false. */
    private ApiRestrictions changedRestrictions(Map<String, List<String>> parameters) {
        ApiRestrictions restrictions = simulator.apiRestrictions();
        for (String flag : parameters.keySet()) {
            String value = text(parameters, flag, "");
            if (!value.equals("true") && !value.equals("false")) {
                throw new IllegalArgumentException(
                        "parameter '" + flag + "' must be true or false, was '" + value + "'");
            }
            restrictions = restrictions.with(flag, Boolean.parseBoolean(value));
        }
        return restrictions;
    }

    private String faultCounts() {
        ObjectNode node = Json.MAPPER.createObjectNode();
        simulator.faults().counts().forEach((type, count) -> node.put(type.name(), count));
        node.put("pendingRestFaults", simulator.faults().pendingRestFaults());
        node.put("pendingOrderFaults", simulator.faults().pendingOrderFaults());
        node.put("clockSkewMillis", simulator.faults().clockSkew().toMillis());
        UserDataFaults userData = simulator.faults().userData();
        node.put("userDataSilent", userData.silent());
        node.put("userDataAnswering", userData.answering());
        node.put("userDataDelayMillis", userData.executionReportDelay().toMillis());
        node.put("userDataPendingDuplicates", userData.pendingDuplicates());
        return Json.MAPPER.writeValueAsString(node);
    }

    private String requests() {
        ArrayNode list = Json.MAPPER.createArrayNode();
        for (RecordedRequest request : simulator.requests().all()) {
            ObjectNode node = list.addObject();
            node.put("at", request.at().toString());
            node.put("method", request.method());
            node.put("path", request.path());
            node.put("query", request.query());
            node.put("status", request.status());
            node.put("weight", request.weight());
            node.put("usedWeight", request.usedWeight());
            if (request.retryAfterSeconds().isPresent()) {
                node.put("retryAfterSeconds", request.retryAfterSeconds().getAsInt());
            }
            node.put("injectedFault", request.injectedFault());
        }
        return Json.MAPPER.writeValueAsString(list);
    }

    private RestServer.Response released(int count) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("released", count);
        node.put("marketTime", simulator.marketNow().toEpochMilli());
        return RestServer.Response.ok(Json.MAPPER.writeValueAsString(node));
    }

    private static RestServer.Response sent(int recipients) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("count", recipients);
        return RestServer.Response.ok(Json.MAPPER.writeValueAsString(node));
    }

    private static RestServer.Response notFound(String path) {
        return new RestServer.Response(404, message("error", "no control endpoint " + path), 0);
    }

    private static String message(String field, String text) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put(field, text);
        return Json.MAPPER.writeValueAsString(node);
    }

    private static String text(Map<String, List<String>> parameters, String name, String fallback) {
        List<String> values = parameters.get(name);
        return values == null || values.isEmpty() ? fallback : values.getFirst();
    }

    private static int integer(Map<String, List<String>> parameters, String name, int fallback) {
        return (int) number(parameters, name, fallback);
    }

    private static long number(Map<String, List<String>> parameters, String name) {
        List<String> values = parameters.get(name);
        if (values == null || values.isEmpty()) {
            throw new IllegalArgumentException("parameter '" + name + "' is required");
        }
        return number(parameters, name, 0);
    }

    private static long number(Map<String, List<String>> parameters, String name, long fallback) {
        String value = text(parameters, name, null);
        if (value == null) {
            return fallback;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("parameter '" + name + "' must be an integer, was '" + value + "'");
        }
    }
}
