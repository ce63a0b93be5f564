package dev.peregrine.benchmarks.crosscheck;

import dev.peregrine.common.event.Grade;
import dev.peregrine.platform.jdbc.JdbcTime;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the monitor measured, read back two ways: its table {@code monitor.signal_outcomes} (read-only) and its API
 * {@code GET /api/v1/quality?groupBy=grade} (VIEWER).
 */
final class MonitorOutcomes {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;

    MonitorOutcomes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Row counts of one symbol's outcomes at {@code horizon} by status (PENDING, MEASURED, UNMEASURABLE). */
    Map<String, Integer> statusCounts(String symbol, Duration horizon) {
        Map<String, Integer> counts = new java.util.TreeMap<>();
        jdbc.sql("select status, count(*) as n from monitor.signal_outcomes where symbol = ? and horizon_seconds = ? "
                        + "group by status")
                .params(symbol, horizon.toSeconds())
                .query((rs, i) -> Map.entry(rs.getString("status"), rs.getInt("n")))
                .list()
                .forEach(e -> counts.put(e.getKey(), e.getValue()));
        return counts;
    }

    /**
     * The MEASURED outcomes of one symbol at {@code horizon}: the gross return (the stored fraction x 10,000, so in
     * bps), whatever the configured round-trip cost.
     */
    List<SignalReturn> measured(String symbol, Duration horizon) {
        return jdbc.sql("select signal_id, strategy_id, grade, signal_close_time, gross_return "
                        + "from monitor.signal_outcomes where symbol = ? and horizon_seconds = ? and status = 'MEASURED' "
                        + "order by signal_close_time, strategy_id")
                .params(symbol, horizon.toSeconds())
                .query((rs, i) -> new SignalReturn(
                        rs.getObject("signal_id", UUID.class),
                        rs.getString("strategy_id"),
                        Grade.valueOf(rs.getString("grade")),
                        JdbcTime.instant(rs, "signal_close_time"),
                        rs.getBigDecimal("gross_return")
                                .multiply(BigDecimal.valueOf(10_000))
                                .doubleValue()))
                .list();
    }

    /** The round-trip cost the monitor applied to the measured outcomes (distinct values). */
    List<BigDecimal> roundTripCosts(String symbol, Duration horizon) {
        return jdbc.sql("select distinct round_trip_cost from monitor.signal_outcomes where symbol = ? "
                        + "and horizon_seconds = ? and status = 'MEASURED' order by 1")
                .params(symbol, horizon.toSeconds())
                .query(BigDecimal.class)
                .list();
    }

    /**
     * {@code GET /api/v1/quality?groupBy=grade&horizon=4h&symbol=...}: per grade, count, hits and mean return (in
     * bps). The API's hit and mean are after the monitor's round-trip cost, so they are the gross figures only when
     * that cost is 0.
     */
    static Map<Grade, GradeFigures> quality(int port, String viewerToken, String symbol, String horizon)
            throws IOException, InterruptedException {
        URI uri = URI.create(
                "http://localhost:" + port + "/api/v1/quality?groupBy=grade&horizon=" + horizon + "&symbol=" + symbol);
        HttpResponse<String> response;
        try (HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()) {
            response = http.send(
                    HttpRequest.newBuilder(uri)
                            .header("Authorization", "Bearer " + viewerToken)
                            .timeout(Duration.ofMinutes(2))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        }
        if (response.statusCode() != 200) {
            throw new IllegalStateException(
                    "GET " + uri + " answered " + response.statusCode() + ": " + response.body());
        }
        JsonNode body = JSON.readTree(response.body());
        if (body.path("truncated").booleanValue()) {
            throw new IllegalStateException(
                    "GET " + uri + " read only part of the outcomes (truncated): compare the " + "table instead");
        }
        JsonNode groups = body.path("groups");
        Map<Grade, GradeFigures> figures = new EnumMap<>(Grade.class);
        for (Grade grade : Grade.values()) {
            JsonNode group = groups.path(grade.name());
            int count = group.path("count").asInt(0);
            if (count == 0) {
                figures.put(grade, GradeFigures.NONE);
                continue;
            }
            JsonNode mean = group.path("returns").path("mean");
            figures.put(
                    grade,
                    new GradeFigures(
                            count,
                            group.path("hits").asLong(),
                            mean.isNumber() ? 10_000 * mean.doubleValue() : Double.NaN));
        }
        return figures;
    }
}
