package dev.peregrine.benchmarks.audit;

import dev.peregrine.benchmarks.audit.AuditData.Anomaly;
import dev.peregrine.benchmarks.audit.AuditData.ApiPortfolio;
import dev.peregrine.benchmarks.audit.AuditData.ControlEvent;
import dev.peregrine.benchmarks.audit.AuditData.Decision;
import dev.peregrine.benchmarks.audit.AuditData.EquityPoint;
import dev.peregrine.benchmarks.audit.AuditData.Intent;
import dev.peregrine.benchmarks.audit.AuditData.LastCandle;
import dev.peregrine.benchmarks.audit.AuditData.Order;
import dev.peregrine.benchmarks.audit.AuditData.PositionRow;
import dev.peregrine.benchmarks.audit.AuditData.Reason;
import dev.peregrine.common.Topics;
import dev.peregrine.common.event.PortfolioValued;
import dev.peregrine.common.json.EventCodec;
import dev.peregrine.platform.jdbc.JdbcTime;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads what the services stored ({@link AuditData}) from their schemas, and the portfolio from risk's REST API with
 * the VIEWER token. Read-only: the audit never writes to a service's schema. Public (its constructor only) for the
 * monitor's cross-check, whose chain drain watches the same stores.
 */
public final class AuditStores {

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private final JdbcClient jdbc;

    public AuditStores(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    AuditData load(AuditData.Limits limits, List<AuditData.Valued> valuations, ApiPortfolio portfolio) {
        return new AuditData(
                limits,
                decisions(),
                intents(),
                orderEnds(),
                orders(),
                positions(),
                equityCurve(),
                anomalies(),
                controlEvents(),
                lastCandles(),
                valuations,
                portfolio);
    }

    /** Counts of what the chain produced so far, to see it move and to see it stop. */
    Map<String, Long> counts() {
        Map<String, Long> counts = new java.util.LinkedHashMap<>();
        counts.put("candles", count("SELECT count(*) FROM ingest.candles"));
        counts.put("validations", count("SELECT count(*) FROM signal.signal_validations"));
        counts.put("decisions", count("SELECT count(*) FROM risk.decisions"));
        counts.put("intents", count("SELECT count(*) FROM risk.order_intents"));
        counts.put("orders", count("SELECT count(*) FROM execution.orders"));
        counts.put("fills", count("SELECT count(*) FROM execution.orders WHERE state = 'FILLED'"));
        counts.put("orderEvents", count("SELECT count(*) FROM execution.order_events"));
        counts.put("riskFacts", count("SELECT count(*) FROM risk.applied_facts"));
        counts.put("monitorExecutions", count("SELECT count(*) FROM monitor.executions"));
        return counts;
    }

    private long count(String sql) {
        try {
            return jdbc.sql(sql).query(Long.class).single();
        } catch (RuntimeException e) {
            return -1; // the schema is not migrated yet
        }
    }

    private List<Decision> decisions() {
        return jdbc.sql("""
                        SELECT d.decision_id::text AS decision_id, d.strategy_id, d.symbol, d.side, d.outcome, d.quantity,
                               d.entry_price, d.reasons::text AS reasons, v.candle_close_time, d.decided_at
                        FROM risk.decisions d LEFT JOIN signal.signal_validations v ON v.signal_id = d.signal_id
                        ORDER BY d.decided_at, d.decision_id""")
                .query((rs, n) -> new Decision(
                        rs.getString("decision_id"),
                        rs.getString("strategy_id"),
                        rs.getString("symbol"),
                        rs.getString("side"),
                        rs.getString("outcome"),
                        rs.getBigDecimal("quantity"),
                        rs.getBigDecimal("entry_price"),
                        reasons(rs.getString("reasons")),
                        JdbcTime.instantOrNull(rs, "candle_close_time"),
                        JdbcTime.instantOrNull(rs, "decided_at")))
                .list();
    }

    static List<Reason> reasons(String json) {
        List<Reason> reasons = new ArrayList<>();
        for (JsonNode node : JSON.readTree(json)) {
            reasons.add(
                    new Reason(node.path("code").asString(), node.path("detail").asString()));
        }
        return reasons;
    }

    private List<Intent> intents() {
        return jdbc.sql("""
                        SELECT decision_id::text AS decision_id, client_order_id, purpose, strategy_id, symbol, quantity,
                               not_before, exit_reason->>'code' AS exit_reason_code
                        FROM risk.order_intents ORDER BY created_at, client_order_id""")
                .query((rs, n) -> new Intent(
                        rs.getString("decision_id"),
                        rs.getString("client_order_id"),
                        rs.getString("purpose"),
                        rs.getString("strategy_id"),
                        rs.getString("symbol"),
                        rs.getBigDecimal("quantity"),
                        JdbcTime.instantOrNull(rs, "not_before"),
                        rs.getString("exit_reason_code")))
                .list();
    }

    /** When risk applied each order's end (its completion, cancellation or rejection), by clientOrderId. */
    private Map<String, Instant> orderEnds() {
        Map<String, Instant> ends = new HashMap<>();
        jdbc.sql("""
                        SELECT substring(fact_key from position(':' in fact_key) + 1) AS client_order_id,
                               min(applied_at) AS applied_at
                        FROM risk.applied_facts WHERE fact_key LIKE 'filled:%' OR fact_key LIKE 'ended:%'
                        GROUP BY 1""").query(rs -> {
            ends.put(rs.getString("client_order_id"), JdbcTime.instantOrNull(rs, "applied_at"));
        });
        return ends;
    }

    private List<Order> orders() {
        return jdbc.sql("""
                        SELECT o.client_order_id, o.strategy_id, o.symbol, o.side, o.purpose, o.quantity, o.state,
                               o.fill_price, o.fee, o.fee_asset, o.settled_at, o.exit_reason_code,
                               o.parent_client_order_id, f.seq, o.not_before, o.reject_code, f.end_seq
                        FROM execution.orders o
                        LEFT JOIN (SELECT client_order_id, min(id) FILTER (WHERE to_state = 'FILLED') AS seq,
                                          min(id) FILTER (WHERE to_state IN ('FILLED', 'REJECTED', 'CANCELED')) AS end_seq
                                   FROM execution.order_events GROUP BY client_order_id) f
                               ON f.client_order_id = o.client_order_id
                        ORDER BY f.seq NULLS LAST, o.client_order_id""")
                .query((rs, n) -> new Order(
                        rs.getString("client_order_id"),
                        rs.getString("strategy_id"),
                        rs.getString("symbol"),
                        rs.getString("side"),
                        rs.getString("purpose"),
                        rs.getBigDecimal("quantity"),
                        rs.getString("state"),
                        rs.getBigDecimal("fill_price"),
                        rs.getBigDecimal("fee"),
                        rs.getString("fee_asset"),
                        JdbcTime.instantOrNull(rs, "settled_at"),
                        rs.getString("exit_reason_code"),
                        rs.getString("parent_client_order_id"),
                        (Long) rs.getObject("seq"),
                        JdbcTime.instantOrNull(rs, "not_before"),
                        rs.getString("reject_code"),
                        (Long) rs.getObject("end_seq")))
                .list();
    }

    private List<PositionRow> positions() {
        return jdbc.sql("""
                        SELECT position_id::text AS position_id, strategy_id, symbol, status, quantity, cost, realised_pnl,
                               fees, opened_at, closed_at, close_reason, last_cause
                        FROM risk.positions ORDER BY opened_at, position_id""")
                .query((rs, n) -> new PositionRow(
                        rs.getString("position_id"),
                        rs.getString("strategy_id"),
                        rs.getString("symbol"),
                        rs.getString("status"),
                        rs.getBigDecimal("quantity"),
                        rs.getBigDecimal("cost"),
                        rs.getBigDecimal("realised_pnl"),
                        rs.getBigDecimal("fees"),
                        JdbcTime.instantOrNull(rs, "opened_at"),
                        JdbcTime.instantOrNull(rs, "closed_at"),
                        rs.getString("close_reason"),
                        rs.getString("last_cause")))
                .list();
    }

    private List<EquityPoint> equityCurve() {
        return jdbc.sql("""
                        SELECT hour, equity, cash, reserved, gross_exposure, drawdown, open_positions, recorded_at
                        FROM risk.equity_curve ORDER BY hour""")
                .query((rs, n) -> new EquityPoint(
                        JdbcTime.instantOrNull(rs, "hour"),
                        rs.getBigDecimal("equity"),
                        rs.getBigDecimal("cash"),
                        rs.getBigDecimal("reserved"),
                        rs.getBigDecimal("gross_exposure"),
                        rs.getBigDecimal("drawdown"),
                        rs.getInt("open_positions"),
                        JdbcTime.instantOrNull(rs, "recorded_at")))
                .list();
    }

    private List<Anomaly> anomalies() {
        return jdbc.sql("SELECT kind, detail, market_time FROM risk.anomalies ORDER BY id")
                .query((rs, n) -> new Anomaly(
                        rs.getString("kind"), rs.getString("detail"), JdbcTime.instantOrNull(rs, "market_time")))
                .list();
    }

    private List<ControlEvent> controlEvents() {
        return jdbc.sql("""
                        SELECT control, from_state, to_state, reason_code, equity, market_time
                        FROM risk.control_events ORDER BY id""")
                .query((rs, n) -> new ControlEvent(
                        rs.getString("control"),
                        rs.getString("from_state"),
                        rs.getString("to_state"),
                        rs.getString("reason_code"),
                        rs.getBigDecimal("equity"),
                        JdbcTime.instantOrNull(rs, "market_time")))
                .list();
    }

    private Map<String, LastCandle> lastCandles() {
        Map<String, LastCandle> last = new HashMap<>();
        jdbc.sql("""
                        SELECT DISTINCT ON (symbol) symbol, close, close_time FROM ingest.candles
                        ORDER BY symbol, open_time DESC""").query(rs -> {
            last.put(
                    rs.getString("symbol"),
                    new LastCandle(
                            rs.getString("symbol"),
                            rs.getBigDecimal("close"),
                            JdbcTime.instantOrNull(rs, "close_time")));
        });
        return last;
    }

    /** Every {@code PortfolioValued} on {@code risk.portfolio.v1}, read from its beginning to its end. */
    static List<AuditData.Valued> valuations(String kafkaBootstrapServers) {
        EventCodec codec = new EventCodec();
        List<AuditData.Valued> valued = new ArrayList<>();
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                kafkaBootstrapServers,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                "read_committed",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG,
                5000);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.RISK_PORTFOLIO).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofSeconds(1))) {
                    if (codec.decodeFrom(Topics.RISK_PORTFOLIO, record.value()) instanceof PortfolioValued value) {
                        valued.add(new AuditData.Valued(
                                value.envelope().eventTime(), value.envelope().processingTime()));
                    }
                }
            }
        }
        return valued;
    }

    /** {@code GET /api/v1/portfolio} with the VIEWER token. */
    static ApiPortfolio portfolio(int riskPort, String viewerToken) throws IOException, InterruptedException {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + riskPort + "/api/v1/portfolio"))
                        .header("Authorization", "Bearer " + viewerToken)
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(
                    "GET /api/v1/portfolio answered " + response.statusCode() + ": " + response.body());
        }
        JsonNode body = JSON.readTree(response.body());
        return new ApiPortfolio(
                decimal(body, "equity"),
                decimal(body, "cash"),
                decimal(body, "grossExposure"),
                body.path("openPositions").asInt(),
                body.path("marketTime").isNull()
                        ? null
                        : Instant.parse(body.path("marketTime").asString()),
                body.path("breakerState").asString(),
                body.path("drawdownHalted").asBoolean(),
                response.body());
    }

    private static BigDecimal decimal(JsonNode body, String field) {
        JsonNode node = body.path(field);
        if (node.isMissingNode() || node.isNull()) {
            return null;
        }
        return node.isNumber() ? node.decimalValue() : new BigDecimal(node.asString());
    }
}
