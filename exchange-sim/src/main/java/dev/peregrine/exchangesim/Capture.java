package dev.peregrine.exchangesim;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A raw WebSocket capture: one {@code <local_ns> <combined-stream json>} per line, plain or gzip-compressed.
 * A recorder killed mid-write leaves a truncated last line; such lines (and any other unreadable one) are
 * skipped with a logged reason and counted, because the rest of the capture is still good data.
 *
 * <p>When a symbol's capture holds {@code @trade} messages but no {@code @aggTrade} ones, an {@code @aggTrade}
 * message is derived 1:1 from every trade (aggregate id, first and last trade id all equal to the trade id),
 * placed right after it. Real aggregate trades merge fills of one taker order at one price; the 1:1 version
 * carries the same prices, quantities and times, which is what consumers of aggTrade rely on.
 */
public record Capture(List<CapturedMessage> messages, int skippedLines) {

    private static final System.Logger LOG = System.getLogger(Capture.class.getName());

    public Capture {
        messages = List.copyOf(messages);
    }

    public static Capture read(Path file) {
        JsonMapper json = Json.MAPPER;
        List<CapturedMessage> messages = new ArrayList<>();
        int skipped = 0;
        try (BufferedReader reader =
                new BufferedReader(new InputStreamReader(KlineCsv.open(file), StandardCharsets.UTF_8))) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    messages.add(parse(json, line));
                } catch (IllegalArgumentException | JacksonException e) {
                    skipped++;
                    LOG.log(
                            System.Logger.Level.WARNING,
                            "skipping line {0} of capture {1}: {2}",
                            number,
                            file,
                            e instanceof JacksonException parseError
                                    ? "not JSON (" + parseError.getOriginalMessage() + ")"
                                    : e.getMessage());
                }
            }
        } catch (IOException e) {
            // A gzip stream cut short (the recorder died) ends in an EOF error: keep what was read before it.
            if (messages.isEmpty()) {
                throw new UncheckedIOException("cannot read capture " + file, e);
            }
            skipped++;
            LOG.log(
                    System.Logger.Level.WARNING,
                    "capture {0} ends early ({1}); keeping the {2} messages read",
                    file,
                    e.getMessage(),
                    messages.size());
        }
        return new Capture(withDerivedAggTrades(json, messages), skipped);
    }

    static CapturedMessage parse(JsonMapper json, String line) {
        int space = line.indexOf(' ');
        if (space <= 0) {
            throw new IllegalArgumentException("expected '<local_ns> <json>'");
        }
        long localNanos;
        try {
            localNanos = Long.parseLong(line.substring(0, space));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "the local timestamp '" + line.substring(0, space) + "' is not an integer");
        }
        String combined = line.substring(space + 1).strip();
        JsonNode node = json.readTree(combined);
        JsonNode stream = node.get("stream");
        JsonNode data = node.get("data");
        if (stream == null || !stream.isString() || data == null || data.isNull()) {
            throw new IllegalArgumentException("not a combined-stream message (needs \"stream\" and \"data\")");
        }
        return new CapturedMessage(localNanos, stream.stringValue(), combined, json.writeValueAsString(data));
    }

    private static List<CapturedMessage> withDerivedAggTrades(JsonMapper json, List<CapturedMessage> messages) {
        Set<String> symbolsWithAggTrades = new HashSet<>();
        for (CapturedMessage message : messages) {
            if (message.stream().endsWith("@aggTrade")) {
                symbolsWithAggTrades.add(symbolOf(message.stream()));
            }
        }
        List<CapturedMessage> result = new ArrayList<>(messages.size());
        for (CapturedMessage message : messages) {
            result.add(message);
            if (message.stream().endsWith("@trade") && !symbolsWithAggTrades.contains(symbolOf(message.stream()))) {
                result.add(aggTradeFrom(json, message));
            }
        }
        return result;
    }

    private static CapturedMessage aggTradeFrom(JsonMapper json, CapturedMessage trade) {
        JsonNode data = json.readTree(trade.dataJson());
        ObjectNode agg = json.createObjectNode();
        agg.put("e", "aggTrade");
        agg.set("E", data.get("E"));
        agg.set("s", data.get("s"));
        agg.set("a", data.get("t"));
        agg.set("p", data.get("p"));
        agg.set("q", data.get("q"));
        agg.set("f", data.get("t"));
        agg.set("l", data.get("t"));
        agg.set("T", data.get("T"));
        agg.set("m", data.get("m"));
        agg.put("M", true);
        String stream = symbolOf(trade.stream()) + "@aggTrade";
        String dataJson = json.writeValueAsString(agg);
        return new CapturedMessage(trade.localNanos(), stream, StreamPayloads.combined(stream, dataJson), dataJson);
    }

    private static String symbolOf(String stream) {
        return stream.substring(0, stream.indexOf('@')).toLowerCase(Locale.ROOT);
    }
}
