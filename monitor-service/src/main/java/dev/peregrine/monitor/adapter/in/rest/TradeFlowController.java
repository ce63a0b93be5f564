package dev.peregrine.monitor.adapter.in.rest;

import dev.peregrine.monitor.application.port.in.QueryTradeFlows;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/trade-flows/{correlationId}} and {@code GET /api/v1/signals}. */
@RestController
@RequestMapping("/api/v1")
public class TradeFlowController {

    private final QueryTradeFlows queries;

    public TradeFlowController(QueryTradeFlows queries) {
        this.queries = queries;
    }

    @GetMapping("/trade-flows/{correlationId}")
    public TradeFlowView tradeFlow(@PathVariable String correlationId) {
        UUID id = parseUuid("correlationId", correlationId);
        return queries.tradeFlow(id)
                .map(TradeFlowView::of)
                .orElseThrow(() -> new NoSuchElementException("no trade flow recorded for correlation id " + id));
    }

    @GetMapping("/signals")
    public List<TradeFlowView.SignalView> signals(
            @RequestParam(required = false) String strategy, @RequestParam(required = false) String limit) {
        if (strategy != null && strategy.indexOf('\u0000') >= 0) {
            // PostgreSQL text cannot hold a NUL: refused here as a bad filter rather than failing the query (a 500).
            throw new IllegalArgumentException("strategy must not contain a NUL character");
        }
        return queries.recentSignals(Optional.ofNullable(strategy), parseLimit(limit)).stream()
                .map(TradeFlowView.SignalView::of)
                .toList();
    }

    // Parsed here rather than bound by Spring so a bad value gets the same clear 400 problem as every other one.
    private static UUID parseUuid(String name, String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + " must be a UUID: '" + abbreviate(text) + "'");
        }
    }

    private static OptionalInt parseLimit(String text) {
        if (text == null || text.isBlank()) {
            return OptionalInt.empty();
        }
        try {
            return OptionalInt.of(Integer.parseInt(text.trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("limit must be a whole number: '" + abbreviate(text) + "'");
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }
}
