package dev.peregrine.ingest.adapter.in.rest;

import dev.peregrine.ingest.application.port.in.FindConnectionEvents;
import dev.peregrine.ingest.domain.live.ConnectionEvent;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/connections} (VIEWER): the live feed's latest connection events, newest first, so that an
 * operator can see why a series has a hole (a drop, the reconnects, the backfill that filled it, a 429 or 418).
 */
@RestController
@RequestMapping(ConnectionController.PATH)
public class ConnectionController {

    static final String PATH = "/api/v1/connections";
    private static final int MAX_LIMIT = 1000;

    private final FindConnectionEvents queries;

    public ConnectionController(FindConnectionEvents queries) {
        this.queries = queries;
    }

    @GetMapping
    public List<ConnectionEventView> recent(@RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + ", was " + limit);
        }
        return queries.recentConnectionEvents(limit).stream()
                .map(ConnectionEventView::of)
                .toList();
    }

    /** A connection event as the API shows it; absent values are null. */
    public record ConnectionEventView(
            UUID id,
            Instant at,
            String type,
            String channel,
            String symbol,
            String interval,
            Instant from,
            Instant to,
            Integer candles,
            String detail) {

        static ConnectionEventView of(ConnectionEvent event) {
            return new ConnectionEventView(
                    event.id(),
                    event.at(),
                    event.type().name(),
                    event.channel(),
                    event.series().map(s -> s.symbol().value()).orElse(null),
                    event.series().map(s -> s.interval().code()).orElse(null),
                    event.from().orElse(null),
                    event.to().orElse(null),
                    event.candles().isPresent() ? event.candles().getAsInt() : null,
                    event.detail());
        }
    }
}
