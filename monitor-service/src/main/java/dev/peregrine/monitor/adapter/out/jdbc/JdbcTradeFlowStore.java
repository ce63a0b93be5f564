package dev.peregrine.monitor.adapter.out.jdbc;

import static dev.peregrine.platform.jdbc.JdbcTime.instant;
import static dev.peregrine.platform.jdbc.JdbcTime.timestamptz;

import dev.peregrine.common.event.Grade;
import dev.peregrine.common.event.Reason;
import dev.peregrine.common.event.RecommendedAction;
import dev.peregrine.common.value.Interval;
import dev.peregrine.common.value.Money;
import dev.peregrine.common.value.Price;
import dev.peregrine.common.value.Quantity;
import dev.peregrine.common.value.Side;
import dev.peregrine.common.value.Symbol;
import dev.peregrine.monitor.application.port.out.TradeFlowStore;
import dev.peregrine.monitor.domain.DecisionOutcome;
import dev.peregrine.monitor.domain.FlowRecord;
import dev.peregrine.monitor.domain.RecordedDecision;
import dev.peregrine.monitor.domain.RecordedExecution;
import dev.peregrine.monitor.domain.RecordedSignal;
import dev.peregrine.monitor.domain.ReportType;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** {@link TradeFlowStore} on PostgreSQL. */
@Repository
public class JdbcTradeFlowStore implements TradeFlowStore {

    private static final TypeReference<List<Reason>> REASONS = new TypeReference<>() {};

    private static final String SIGNAL_COLUMNS = """
            signal_id, strategy_id, symbol, "interval", side, strength, grade, confidence, action, tradeable,
            reference_price, correlation_id, event_time, processing_time, recorded_at""";

    private static final String DECISION_COLUMNS = """
            decision_id, signal_id, strategy_id, symbol, outcome, quantity, reasons, correlation_id, recorded_at""";

    private static final String EXECUTION_COLUMNS = """
            event_id, client_order_id, report_type, strategy_id, symbol, side, quantity, fill_price, fee, fee_asset,
            reason, correlation_id, processing_time, recorded_at""";

    private final JdbcClient jdbc;
    // Own mapper: the stored JSON shape of reasons must not change when the web layer's mapper is customised.
    private final JsonMapper json = JsonMapper.builder().build();

    public JdbcTradeFlowStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean saveSignal(RecordedSignal signal) {
        return jdbc.sql("insert into monitor.signals (" + SIGNAL_COLUMNS + """
                        ) values (:signalId, :strategyId, :symbol, :interval, :side, :strength, :grade, :confidence,
                          :action, :tradeable, :referencePrice, :correlationId, :eventTime, :processingTime, :recordedAt)
                        on conflict do nothing""")
                        .param("signalId", signal.signalId())
                        .param("strategyId", signal.strategyId())
                        .param("symbol", signal.symbol().value())
                        .param("interval", signal.interval().code())
                        .param("side", signal.side().name())
                        .param("strength", signal.strength())
                        .param("grade", signal.grade().name())
                        .param("confidence", signal.confidence())
                        .param("action", signal.action().name())
                        .param("tradeable", signal.tradeable())
                        .param("referencePrice", signal.referencePrice().value())
                        .param("correlationId", signal.correlationId())
                        .param("eventTime", timestamptz(signal.eventTime()))
                        .param("processingTime", timestamptz(signal.processingTime()))
                        .param("recordedAt", timestamptz(signal.recordedAt()))
                        .update()
                == 1;
    }

    @Override
    public boolean saveDecision(RecordedDecision decision) {
        return jdbc.sql("insert into monitor.decisions (" + DECISION_COLUMNS + """
                        ) values (:decisionId, :signalId, :strategyId, :symbol, :outcome, :quantity,
                          cast(:reasons as jsonb), :correlationId, :recordedAt)
                        on conflict do nothing""")
                        .param("decisionId", decision.decisionId())
                        .param("signalId", decision.signalId())
                        .param("strategyId", decision.strategyId())
                        .param("symbol", decision.symbol().value())
                        .param("outcome", decision.outcome().name())
                        .param(
                                "quantity",
                                decision.quantity().map(Quantity::value).orElse(null),
                                Types.NUMERIC)
                        .param("reasons", json.writeValueAsString(decision.reasons()))
                        .param("correlationId", decision.correlationId())
                        .param("recordedAt", timestamptz(decision.recordedAt()))
                        .update()
                == 1;
    }

    @Override
    public boolean saveExecution(RecordedExecution execution) {
        // No conflict target: a clash on the event id (redelivery) and on (client order, report type) (the
        // same report re-published under a new event id) are both duplicates.
        return jdbc.sql("insert into monitor.executions (" + EXECUTION_COLUMNS + """
                        ) values (:eventId, :clientOrderId, :reportType, :strategyId, :symbol, :side, :quantity,
                          :fillPrice, :fee, :feeAsset, cast(:reason as jsonb), :correlationId, :processingTime, :recordedAt)
                        on conflict do nothing""")
                        .param("eventId", execution.eventId())
                        .param("clientOrderId", execution.clientOrderId())
                        .param("reportType", execution.type().name())
                        .param("strategyId", execution.strategyId())
                        .param("symbol", execution.symbol().value())
                        .param("side", execution.side().name())
                        .param(
                                "quantity",
                                execution.quantity().map(Quantity::value).orElse(null),
                                Types.NUMERIC)
                        .param(
                                "fillPrice",
                                execution.fillPrice().map(Price::value).orElse(null),
                                Types.NUMERIC)
                        .param("fee", execution.fee().map(Money::amount).orElse(null), Types.NUMERIC)
                        .param("feeAsset", execution.fee().map(Money::currency).orElse(null), Types.VARCHAR)
                        .param(
                                "reason",
                                execution.reason().map(json::writeValueAsString).orElse(null),
                                Types.VARCHAR)
                        .param("correlationId", execution.correlationId())
                        .param("processingTime", timestamptz(execution.processingTime()))
                        .param("recordedAt", timestamptz(execution.recordedAt()))
                        .update()
                == 1;
    }

    @Override
    public Optional<Instant> signalProcessingTime(UUID correlationId, String strategyId, Symbol symbol) {
        return jdbc.sql("""
                        select min(processing_time) from monitor.signals
                        where correlation_id = :correlationId and strategy_id = :strategyId and symbol = :symbol""")
                .param("correlationId", correlationId)
                .param("strategyId", strategyId)
                .param("symbol", symbol.value())
                .query((rs, row) -> Optional.ofNullable(rs.getObject(1, OffsetDateTime.class))
                        .map(OffsetDateTime::toInstant))
                .single();
    }

    @Override
    public List<FlowRecord> findByCorrelationId(UUID correlationId) {
        List<FlowRecord> records = new ArrayList<>();
        records.addAll(jdbc.sql("select " + SIGNAL_COLUMNS + " from monitor.signals where correlation_id = :id")
                .param("id", correlationId)
                .query(this::signal)
                .list());
        records.addAll(jdbc.sql("select " + DECISION_COLUMNS + " from monitor.decisions where correlation_id = :id")
                .param("id", correlationId)
                .query(this::decision)
                .list());
        records.addAll(jdbc.sql("select " + EXECUTION_COLUMNS + " from monitor.executions where correlation_id = :id")
                .param("id", correlationId)
                .query(this::execution)
                .list());
        return records;
    }

    @Override
    public List<RecordedSignal> recentSignals(Optional<String> strategyId, int limit) {
        if (strategyId.isPresent()) {
            return jdbc.sql("select " + SIGNAL_COLUMNS + " from monitor.signals where strategy_id = :strategyId"
                            + " order by event_time desc, signal_id desc limit :limit")
                    .param("strategyId", strategyId.get())
                    .param("limit", limit)
                    .query(this::signal)
                    .list();
        }
        return jdbc.sql("select " + SIGNAL_COLUMNS + " from monitor.signals"
                        + " order by event_time desc, signal_id desc limit :limit")
                .param("limit", limit)
                .query(this::signal)
                .list();
    }

    private RecordedSignal signal(ResultSet rs, int row) throws SQLException {
        return new RecordedSignal(
                rs.getObject("signal_id", UUID.class),
                rs.getString("strategy_id"),
                Symbol.of(rs.getString("symbol")),
                Interval.fromCode(rs.getString("interval")),
                Side.valueOf(rs.getString("side")),
                rs.getInt("strength"),
                Grade.valueOf(rs.getString("grade")),
                rs.getDouble("confidence"),
                RecommendedAction.valueOf(rs.getString("action")),
                rs.getBoolean("tradeable"),
                Price.of(rs.getBigDecimal("reference_price")),
                rs.getObject("correlation_id", UUID.class),
                instant(rs, "event_time"),
                instant(rs, "processing_time"),
                instant(rs, "recorded_at"));
    }

    private RecordedDecision decision(ResultSet rs, int row) throws SQLException {
        return new RecordedDecision(
                rs.getObject("decision_id", UUID.class),
                rs.getObject("signal_id", UUID.class),
                rs.getString("strategy_id"),
                Symbol.of(rs.getString("symbol")),
                DecisionOutcome.valueOf(rs.getString("outcome")),
                Optional.ofNullable(rs.getBigDecimal("quantity")).map(Quantity::of),
                json.readValue(rs.getString("reasons"), REASONS),
                rs.getObject("correlation_id", UUID.class),
                instant(rs, "recorded_at"));
    }

    private RecordedExecution execution(ResultSet rs, int row) throws SQLException {
        BigDecimal fee = rs.getBigDecimal("fee");
        String feeAsset = rs.getString("fee_asset");
        String reason = rs.getString("reason");
        return new RecordedExecution(
                rs.getObject("event_id", UUID.class),
                rs.getString("client_order_id"),
                ReportType.valueOf(rs.getString("report_type")),
                rs.getString("strategy_id"),
                Symbol.of(rs.getString("symbol")),
                Side.valueOf(rs.getString("side")),
                Optional.ofNullable(rs.getBigDecimal("quantity")).map(Quantity::of),
                Optional.ofNullable(rs.getBigDecimal("fill_price")).map(Price::of),
                fee == null ? Optional.empty() : Optional.of(new Money(fee, feeAsset)),
                reason == null ? Optional.empty() : Optional.of(json.readValue(reason, Reason.class)),
                rs.getObject("correlation_id", UUID.class),
                instant(rs, "processing_time"),
                instant(rs, "recorded_at"));
    }
}
