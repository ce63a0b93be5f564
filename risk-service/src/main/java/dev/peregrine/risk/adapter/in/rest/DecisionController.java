package dev.peregrine.risk.adapter.in.rest;

import dev.peregrine.common.value.Symbol;
import dev.peregrine.risk.application.port.in.FindDecisions;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Bad input is an {@link IllegalArgumentException} (400 via the platform's error handler) and an unknown
 * signal a {@link NoSuchElementException} (404), so no request ends in a 500.
 */
@RestController
@RequestMapping("/api/v1/decisions")
public class DecisionController {

    private final FindDecisions findDecisions;

    public DecisionController(FindDecisions findDecisions) {
        this.findDecisions = findDecisions;
    }

    @GetMapping
    public List<DecisionResponse> latest(
            @RequestParam(required = false) String symbol, @RequestParam(defaultValue = "50") String limit) {
        if (symbol == null || symbol.isBlank()) {
            throw new IllegalArgumentException("query parameter 'symbol' is required, e.g. ?symbol=BTCUSDT");
        }
        return findDecisions.latest(Symbol.parseLenient(symbol), parseLimit(limit)).stream()
                .map(DecisionResponse::of)
                .toList();
    }

    @GetMapping("/{signalId}")
    public DecisionResponse bySignalId(@PathVariable String signalId) {
        UUID id = parseUuid(signalId);
        return findDecisions
                .bySignalId(id)
                .map(DecisionResponse::of)
                .orElseThrow(() -> new NoSuchElementException("no decision for signal " + id));
    }

    private static int parseLimit(String limit) {
        try {
            return Integer.parseInt(limit.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("limit must be a whole number between 1 and " + FindDecisions.MAX_LIMIT
                    + ": '" + abbreviate(limit) + "'");
        }
    }

    private static UUID parseUuid(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "signalId must be a UUID like 4f54c034-23bb-3f82-9f1d-552223f86004: '" + abbreviate(text) + "'");
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }
}
