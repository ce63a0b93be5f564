package dev.peregrine.signal.adapter.in.rest;

import com.fasterxml.jackson.annotation.JsonRawValue;
import dev.peregrine.common.value.Interval;
import dev.peregrine.common.value.Symbol;
import dev.peregrine.signal.application.port.in.QueryDebates;
import dev.peregrine.signal.application.port.in.StoredDebate;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The stored bull/bear debates (VIEWER): the latest of a symbol ({@code ?interval=1h} for one series) and the
 * one behind a signal. 404 when there is none, 400 for a symbol or interval that cannot be one.
 */
@RestController
@RequestMapping("/api/v1/debates")
public class DebateController {

    private final QueryDebates queryDebates;

    public DebateController(QueryDebates queryDebates) {
        this.queryDebates = queryDebates;
    }

    @GetMapping("/{symbol}")
    public DebateView latest(@PathVariable String symbol, @RequestParam(required = false) String interval) {
        Symbol parsed = Symbol.of(symbol);
        Optional<Interval> series =
                interval == null || interval.isBlank() ? Optional.empty() : Optional.of(Interval.fromCode(interval));
        return queryDebates
                .latest(parsed, series)
                .map(DebateView::of)
                .orElseThrow(() -> new NoSuchElementException("no debate stored for " + parsed
                        + series.map(i -> " " + i.code()).orElse("")));
    }

    @GetMapping("/by-signal/{signalId}")
    public DebateView bySignal(@PathVariable UUID signalId) {
        return queryDebates
                .bySignal(signalId)
                .map(DebateView::of)
                .orElseThrow(() -> new NoSuchElementException("no debate stored for signal " + signalId));
    }

    /** A debate with its JSON documents embedded as they are stored (docs/signal-validation.md describes them). */
    public record DebateView(
            UUID debateId,
            String symbol,
            String interval,
            Instant candleOpenTime,
            Instant candleCloseTime,
            String regime,
            String verdict,
            BigDecimal conviction,
            String rationale,
            @JsonRawValue String bullCase,
            @JsonRawValue String bearCase,
            @JsonRawValue String consensus,
            @JsonRawValue String panel,
            UUID correlationId,
            Instant createdAt,
            List<StoredDebate.SignalSummary> signals) {

        static DebateView of(StoredDebate d) {
            return new DebateView(
                    d.debateId(),
                    d.symbol(),
                    d.interval(),
                    d.candleOpenTime(),
                    d.candleCloseTime(),
                    d.regime(),
                    d.verdict(),
                    d.conviction(),
                    d.rationale(),
                    d.bullCase(),
                    d.bearCase(),
                    d.consensus(),
                    d.panel(),
                    d.correlationId(),
                    d.createdAt(),
                    d.signals());
        }
    }
}
