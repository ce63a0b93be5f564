package dev.peregrine.monitor.adapter.in.rest.quality;

import dev.peregrine.common.event.Grade;
import dev.peregrine.common.value.Symbol;
import dev.peregrine.monitor.application.quality.OutcomeQuery;
import dev.peregrine.monitor.application.quality.QualityReport;
import dev.peregrine.monitor.application.quality.QueryQuality;
import dev.peregrine.monitor.domain.quality.OutcomeFilter;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/quality} and {@code GET /api/v1/comparisons} (VIEWER). Bad parameters are a 400 with what to
 * send instead. Undefined statistics (an empty bin, a thin slice) are NaN, written as the JSON string {@code "NaN"}.
 */
@RestController
public class QualityController {

    private final QueryQuality quality;

    public QualityController(QueryQuality quality) {
        this.quality = quality;
    }

    @GetMapping("/api/v1/quality")
    public QualityReport quality(
            @RequestParam(required = false) String strategy,
            @RequestParam(required = false) String symbol,
            @RequestParam(required = false) String grade,
            @RequestParam(required = false) String regime,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(defaultValue = "4h") String horizon,
            @RequestParam(defaultValue = "strategy") String groupBy) {
        OutcomeFilter filter = new OutcomeFilter(
                blankToNull(strategy),
                symbol == null || symbol.isBlank()
                        ? null
                        : Symbol.parseLenient(symbol).value(),
                grade(grade),
                blankToNull(regime),
                instant("from", from),
                instant("to", to));
        return quality.quality(
                new OutcomeQuery(horizon(horizon), filter), groupBy.trim().toLowerCase(Locale.ROOT));
    }

    /** Weight advice per strategy from its outcomes in the window; advice only, applied by an operator. */
    @GetMapping("/api/v1/strategies/advice")
    public java.util.List<dev.peregrine.monitor.domain.degradation.WeightAdvice> advice(
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(defaultValue = "4h") String horizon) {
        OutcomeFilter filter = OutcomeFilter.all().within(instant("from", from), instant("to", to));
        return quality.advice(new OutcomeQuery(horizon(horizon), filter));
    }

    @GetMapping("/api/v1/comparisons")
    public QueryQuality.Comparison compare(
            @RequestParam(required = false) String a,
            @RequestParam(required = false) String b,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(defaultValue = "4h") String horizon) {
        if (a == null || a.isBlank() || b == null || b.isBlank()) {
            throw new IllegalArgumentException("both strategies are required: ?a=momentum&b=breakout");
        }
        OutcomeFilter filter = OutcomeFilter.all().within(instant("from", from), instant("to", to));
        return quality.compare(new OutcomeQuery(horizon(horizon), filter), a.trim(), b.trim());
    }

    private static Duration horizon(String text) {
        String value = text.trim().toUpperCase(Locale.ROOT);
        try {
            return value.endsWith("H") || value.endsWith("M")
                    ? Duration.parse("PT" + value)
                    : Duration.parse(value.startsWith("P") ? value : "P" + value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("horizon must be like 1h, 4h or 24h: '" + abbreviate(text) + "'");
        }
    }

    private static Grade grade(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Grade.valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("grade must be one of A, B, C, D, F: '" + abbreviate(text) + "'");
        }
    }

    private static Instant instant(String name, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    name + " must be an ISO instant like 2024-01-01T00:00:00Z: '" + abbreviate(text) + "'");
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }
}
