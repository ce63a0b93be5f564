package dev.peregrine.risk.adapter.out.jdbc;

import static dev.peregrine.platform.jdbc.JdbcTime.instant;
import static dev.peregrine.platform.jdbc.JdbcTime.timestamptz;

import dev.peregrine.common.event.Reason;
import dev.peregrine.common.value.Money;
import dev.peregrine.common.value.Price;
import dev.peregrine.common.value.Quantity;
import dev.peregrine.common.value.Side;
import dev.peregrine.common.value.Symbol;
import dev.peregrine.risk.application.port.out.DecisionStore;
import dev.peregrine.risk.domain.Outcome;
import dev.peregrine.risk.domain.RecordedDecision;
import java.math.BigDecimal;
import java.sql.Types;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Decisions, one INSERT each with {@code ON CONFLICT DO NOTHING} (the derived ids turn a redelivery into a no-op),
 * written inside the ledger's transaction ({@link JdbcRiskLedger}), and read back for the REST API and redeliveries.
 */
@Repository
public class JdbcDecisionStore implements DecisionStore {

    private static final TypeReference<List<Reason>> REASONS = new TypeReference<>() {};
    private static final String COLUMNS = """
            decision_id, signal_id, strategy_id, symbol, side, outcome, quantity, entry_price, stop_price,
            risk_amount, risk_currency, reasons, correlation_id, causation_id, decided_at""";

    private final JdbcClient jdbc;
    private final JsonMapper json = JsonMapper.builder().build();
    private final RowMapper<RecordedDecision> decisionMapper = (rs, rowNum) -> {
        BigDecimal quantity = rs.getBigDecimal("quantity");
        BigDecimal riskAmount = rs.getBigDecimal("risk_amount");
        return new RecordedDecision(
                rs.getObject("decision_id", UUID.class),
                rs.getObject("signal_id", UUID.class),
                rs.getString("strategy_id"),
                Symbol.of(rs.getString("symbol")),
                Side.valueOf(rs.getString("side")),
                Outcome.valueOf(rs.getString("outcome")),
                quantity == null ? null : Quantity.of(quantity),
                Price.of(rs.getBigDecimal("entry_price")),
                Price.of(rs.getBigDecimal("stop_price")),
                riskAmount == null ? null : new Money(riskAmount, rs.getString("risk_currency")),
                readReasons(rs.getString("reasons")),
                rs.getObject("correlation_id", UUID.class),
                rs.getObject("causation_id", UUID.class),
                instant(rs, "decided_at"));
    };

    public JdbcDecisionStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores the decision unless its signal already has one; true when this call stored it. Used by the ledger. */
    public boolean insertIfAbsent(RecordedDecision decision) {
        int inserted = jdbc.sql("INSERT INTO risk.decisions (" + COLUMNS + """
                        ) VALUES (:decisionId, :signalId, :strategyId, :symbol, :side, :outcome, :quantity, :entryPrice,
                          :stopPrice, :riskAmount, :riskCurrency, CAST(:reasons AS jsonb), :correlationId, :causationId,
                          :decidedAt)
                        ON CONFLICT DO NOTHING""")
                .param("decisionId", decision.decisionId())
                .param("signalId", decision.signalId())
                .param("strategyId", decision.strategyId())
                .param("symbol", decision.symbol().value())
                .param("side", decision.side().name())
                .param("outcome", decision.outcome().name())
                .param(
                        "quantity",
                        decision.quantity() == null ? null : decision.quantity().value(),
                        Types.NUMERIC)
                .param("entryPrice", decision.entryPrice().value())
                .param("stopPrice", decision.stopPrice().value())
                .param(
                        "riskAmount",
                        decision.riskAmount() == null
                                ? null
                                : decision.riskAmount().amount(),
                        Types.NUMERIC)
                .param(
                        "riskCurrency",
                        decision.riskAmount() == null
                                ? null
                                : decision.riskAmount().currency(),
                        Types.VARCHAR)
                .param("reasons", json.writeValueAsString(decision.reasons()))
                .param("correlationId", decision.correlationId())
                .param("causationId", decision.causationId())
                .param("decidedAt", timestamptz(decision.decidedAt()))
                .update();
        return inserted == 1;
    }

    @Override
    public Optional<RecordedDecision> findBySignalId(UUID signalId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM risk.decisions WHERE signal_id = :signalId")
                .param("signalId", signalId)
                .query(decisionMapper)
                .optional();
    }

    @Override
    public List<RecordedDecision> latest(Symbol symbol, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + """
                         FROM risk.decisions WHERE symbol = :symbol
                        ORDER BY decided_at DESC, decision_id DESC LIMIT :limit""")
                .param("symbol", symbol.value())
                .param("limit", limit)
                .query(decisionMapper)
                .list();
    }

    private List<Reason> readReasons(String text) {
        return json.readValue(text, REASONS);
    }
}
