package dev.peregrine.risk.adapter.out.jdbc;

import static dev.peregrine.platform.jdbc.JdbcTime.instant;
import static dev.peregrine.platform.jdbc.JdbcTime.timestamptz;

import dev.peregrine.common.event.OrderPurpose;
import dev.peregrine.common.event.OrderType;
import dev.peregrine.common.event.Reason;
import dev.peregrine.common.value.Price;
import dev.peregrine.common.value.Quantity;
import dev.peregrine.common.value.Side;
import dev.peregrine.common.value.Symbol;
import dev.peregrine.risk.application.port.out.BookState;
import dev.peregrine.risk.application.port.out.LedgerCommit;
import dev.peregrine.risk.application.port.out.RiskLedger;
import dev.peregrine.risk.domain.OrderIntent;
import dev.peregrine.risk.domain.control.ControlTransition;
import dev.peregrine.risk.domain.portfolio.Position;
import dev.peregrine.risk.domain.portfolio.PositionKey;
import java.math.BigDecimal;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The book in PostgreSQL. A commit is one transaction: the fact's key first (a key seen before rolls back and
 * stores nothing), then the decisions, intents, book state, positions, control events, anomalies and the equity
 * curve's point for the hour; the book state and the point only when they differ from what the last commit left
 * ({@link UnchangedRows}).
 */
@Repository
public class JdbcRiskLedger implements RiskLedger {

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final JdbcDecisionStore decisions;
    private final Clock clock;
    private final BookStateJson stateJson = new BookStateJson();
    private final UnchangedRows unchanged = new UnchangedRows();
    private final JsonMapper json = JsonMapper.builder().build();

    private final RowMapper<OrderIntent> intentMapper = (rs, rowNum) -> new OrderIntent(
            rs.getObject("intent_id", UUID.class),
            rs.getObject("decision_id", UUID.class),
            rs.getString("client_order_id"),
            rs.getObject("signal_id", UUID.class),
            rs.getString("strategy_id"),
            Symbol.of(rs.getString("symbol")),
            Side.valueOf(rs.getString("side")),
            OrderPurpose.valueOf(rs.getString("purpose")),
            OrderType.valueOf(rs.getString("order_type")),
            Quantity.of(rs.getBigDecimal("quantity")),
            price(rs.getBigDecimal("stop_loss")),
            price(rs.getBigDecimal("take_profit")),
            rs.getString("exit_reason") == null ? null : json.readValue(rs.getString("exit_reason"), Reason.class),
            instant(rs, "not_before"),
            rs.getObject("correlation_id", UUID.class),
            instant(rs, "created_at"));

    private final RowMapper<Position> positionMapper = (rs, rowNum) -> {
        OffsetDateTime closedAt = rs.getObject("closed_at", OffsetDateTime.class);
        return new Position(
                rs.getObject("position_id", UUID.class),
                new PositionKey(rs.getString("strategy_id"), Symbol.of(rs.getString("symbol"))),
                rs.getBigDecimal("quantity"),
                rs.getBigDecimal("cost"),
                rs.getBigDecimal("realised_pnl"),
                rs.getBigDecimal("fees"),
                instant(rs, "opened_at"),
                closedAt == null ? null : closedAt.toInstant(),
                null,
                rs.getBigDecimal("stop_loss"),
                rs.getBigDecimal("take_profit"),
                rs.getString("close_reason"),
                rs.getString("last_cause"),
                rs.getBigDecimal("average_entry"));
    };

    public JdbcRiskLedger(JdbcClient jdbc, TransactionTemplate transactions, JdbcDecisionStore decisions, Clock clock) {
        this.clock = clock;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.decisions = decisions;
    }

    @Override
    public Optional<BookState> load() {
        return jdbc.sql("SELECT state::text FROM risk.book_state WHERE id = 1")
                .query(String.class)
                .optional()
                .map(stateJson::read);
    }

    @Override
    public boolean isApplied(String factKey) {
        return jdbc.sql("SELECT count(*) FROM risk.applied_facts WHERE fact_key = :key")
                        .param("key", factKey)
                        .query(Long.class)
                        .single()
                > 0;
    }

    @Override
    public boolean commit(LedgerCommit commit) {
        UnchangedRows.EquityPoint point = UnchangedRows.EquityPoint.of(commit.valuation(), commit.valuedAt());
        BookState[] state = new BookState[1];
        Boolean stored = transactions.execute(status -> {
            Instant now = clock.instant();
            if (commit.factKey() != null
                    && jdbc.sql("""
                            INSERT INTO risk.applied_facts (fact_key, applied_at) VALUES (:key, :at)
                            ON CONFLICT DO NOTHING""")
                                    .param("key", commit.factKey())
                                    .param("at", timestamptz(now))
                                    .update()
                            == 0) {
                return false;
            }
            commit.decisions().forEach(decisions::insertIfAbsent);
            commit.intents().forEach(this::insertIntent);
            state[0] = UnchangedRows.frozen(commit.state());
            if (!unchanged.stateUnchanged(state[0])) {
                jdbc.sql("""
                                INSERT INTO risk.book_state (id, state, updated_at) VALUES (1, CAST(:state AS jsonb), :at)
                                ON CONFLICT (id) DO UPDATE SET state = EXCLUDED.state, updated_at = EXCLUDED.updated_at""")
                        .param("state", stateJson.write(state[0]))
                        .param("at", timestamptz(now))
                        .update();
            }
            commit.positions().forEach(position -> upsertPosition(position, now));
            commit.transitions().forEach(transition -> insertTransition(transition, now));
            commit.anomalies().forEach(anomaly -> insertAnomaly(anomaly, commit.at(), now));
            if (!unchanged.pointUnchanged(point)) {
                upsertEquityPoint(point, now);
            }
            return true;
        });
        if (Boolean.TRUE.equals(stored)) {
            unchanged.committed(state[0], point);
            return true;
        }
        return false;
    }

    private void insertIntent(OrderIntent intent) {
        jdbc.sql("""
                        INSERT INTO risk.order_intents (intent_id, decision_id, client_order_id, symbol, side, order_type,
                          quantity, not_before, correlation_id, created_at, purpose, signal_id, strategy_id, stop_loss,
                          take_profit, exit_reason)
                        VALUES (:intentId, :decisionId, :clientOrderId, :symbol, :side, :orderType, :quantity, :notBefore,
                          :correlationId, :createdAt, :purpose, :signalId, :strategyId, :stopLoss, :takeProfit,
                          CAST(:exitReason AS jsonb))
                        ON CONFLICT DO NOTHING""")
                .param("intentId", intent.intentId())
                .param("decisionId", intent.decisionId())
                .param("clientOrderId", intent.clientOrderId())
                .param("symbol", intent.symbol().value())
                .param("side", intent.side().name())
                .param("orderType", intent.orderType().name())
                .param("quantity", intent.quantity().value())
                .param("notBefore", timestamptz(intent.notBefore()))
                .param("correlationId", intent.correlationId())
                .param("createdAt", timestamptz(intent.createdAt()))
                .param("purpose", intent.purpose().name())
                .param("signalId", intent.signalId())
                .param("strategyId", intent.strategyId())
                .param(
                        "stopLoss",
                        intent.stopLoss() == null ? null : intent.stopLoss().value(),
                        Types.NUMERIC)
                .param(
                        "takeProfit",
                        intent.takeProfit() == null ? null : intent.takeProfit().value(),
                        Types.NUMERIC)
                .param(
                        "exitReason",
                        intent.exitReason() == null ? null : json.writeValueAsString(intent.exitReason()),
                        Types.VARCHAR)
                .update();
    }

    private void upsertPosition(Position position, Instant now) {
        jdbc.sql("""
                        INSERT INTO risk.positions (position_id, strategy_id, symbol, status, quantity, cost, average_entry,
                          realised_pnl, fees, opened_at, closed_at, close_reason, stop_loss, take_profit, last_cause,
                          updated_at)
                        VALUES (:id, :strategy, :symbol, :status, :quantity, :cost, :average, :realised, :fees, :openedAt,
                          :closedAt, :closeReason, :stopLoss, :takeProfit, :cause, :at)
                        ON CONFLICT (position_id) DO UPDATE SET status = EXCLUDED.status, quantity = EXCLUDED.quantity,
                          cost = EXCLUDED.cost, average_entry = EXCLUDED.average_entry,
                          realised_pnl = EXCLUDED.realised_pnl, fees = EXCLUDED.fees, closed_at = EXCLUDED.closed_at,
                          close_reason = EXCLUDED.close_reason, stop_loss = EXCLUDED.stop_loss,
                          take_profit = EXCLUDED.take_profit, last_cause = EXCLUDED.last_cause,
                          updated_at = EXCLUDED.updated_at""")
                .param("id", position.positionId())
                .param("strategy", position.key().strategyId())
                .param("symbol", position.key().symbol().value())
                .param("status", position.isOpen() ? "OPEN" : "CLOSED")
                .param("quantity", position.quantity())
                .param("cost", position.cost())
                .param("average", position.averageEntry())
                .param("realised", position.realisedPnl())
                .param("fees", position.fees())
                .param("openedAt", timestamptz(position.openedAt()))
                .param(
                        "closedAt",
                        position.closedAt() == null ? null : timestamptz(position.closedAt()),
                        Types.TIMESTAMP_WITH_TIMEZONE)
                .param("closeReason", position.closeReason(), Types.VARCHAR)
                .param("stopLoss", position.stopLoss(), Types.NUMERIC)
                .param("takeProfit", position.takeProfit(), Types.NUMERIC)
                .param("cause", position.lastCause())
                .param("at", timestamptz(now))
                .update();
    }

    private void insertTransition(ControlTransition transition, Instant now) {
        jdbc.sql("""
                        INSERT INTO risk.control_events (control, from_state, to_state, actor, reason_code, reason_detail,
                          equity, daily_pnl, drawdown, market_time, recorded_at)
                        VALUES (:control, :from, :to, :actor, :code, :detail, :equity, :pnl, :drawdown, :marketTime, :at)""")
                .param("control", transition.control())
                .param("from", transition.from())
                .param("to", transition.to())
                .param("actor", transition.actor())
                .param("code", transition.reason().code())
                .param("detail", transition.reason().detail())
                .param("equity", transition.equity())
                .param("pnl", transition.dailyPnl())
                .param("drawdown", transition.drawdown())
                .param("marketTime", timestamptz(transition.at()))
                .param("at", timestamptz(now))
                .update();
    }

    private void insertAnomaly(String anomaly, Instant marketTime, Instant now) {
        int colon = anomaly.indexOf(':');
        jdbc.sql("""
                        INSERT INTO risk.anomalies (kind, detail, market_time, recorded_at)
                        VALUES (:kind, :detail, :marketTime, :at)""")
                .param("kind", colon < 0 ? "ANOMALY" : anomaly.substring(0, colon))
                .param("detail", anomaly)
                .param("marketTime", timestamptz(marketTime))
                .param("at", timestamptz(now))
                .update();
    }

    private void upsertEquityPoint(UnchangedRows.EquityPoint point, Instant now) {
        jdbc.sql("""
                        INSERT INTO risk.equity_curve (hour, equity, cash, reserved, gross_exposure, daily_pnl, drawdown,
                          open_positions, recorded_at)
                        VALUES (:hour, :equity, :cash, :reserved, :gross, :pnl, :drawdown, :open, :at)
                        ON CONFLICT (hour) DO UPDATE SET equity = EXCLUDED.equity, cash = EXCLUDED.cash,
                          reserved = EXCLUDED.reserved, gross_exposure = EXCLUDED.gross_exposure,
                          daily_pnl = EXCLUDED.daily_pnl, drawdown = EXCLUDED.drawdown,
                          open_positions = EXCLUDED.open_positions, recorded_at = EXCLUDED.recorded_at""")
                .param("hour", timestamptz(point.hour()))
                .param("equity", point.equity())
                .param("cash", point.cash())
                .param("reserved", point.reserved())
                .param("gross", point.gross())
                .param("pnl", point.dailyPnl())
                .param("drawdown", point.drawdown())
                .param("open", point.openPositions())
                .param("at", timestamptz(now))
                .update();
    }

    @Override
    public List<OrderIntent> unpublishedIntents() {
        return jdbc.sql("""
                        SELECT intent_id, decision_id, client_order_id, signal_id, strategy_id, symbol, side, purpose,
                          order_type, quantity, stop_loss, take_profit, exit_reason::text AS exit_reason, not_before,
                          correlation_id, created_at
                        FROM risk.order_intents WHERE published_at IS NULL AND signal_id IS NOT NULL
                        ORDER BY created_at LIMIT 1000""").query(intentMapper).list();
    }

    @Override
    public void markPublished(UUID intentId, Instant at) {
        jdbc.sql("UPDATE risk.order_intents SET published_at = :at WHERE intent_id = :id AND published_at IS NULL")
                .param("id", intentId)
                .param("at", timestamptz(at))
                .update();
    }

    @Override
    public List<Position> positions(Boolean open, String strategyId, String symbol, int limit) {
        return jdbc.sql("""
                        SELECT * FROM risk.positions
                        WHERE (CAST(:status AS text) IS NULL OR status = :status)
                          AND (CAST(:strategy AS text) IS NULL OR strategy_id = :strategy)
                          AND (CAST(:symbol AS text) IS NULL OR symbol = :symbol)
                        ORDER BY opened_at DESC, position_id LIMIT :limit""")
                .param("status", open == null ? null : open ? "OPEN" : "CLOSED", Types.VARCHAR)
                .param("strategy", strategyId, Types.VARCHAR)
                .param("symbol", symbol, Types.VARCHAR)
                .param("limit", limit)
                .query(positionMapper)
                .list();
    }

    private static Price price(BigDecimal value) {
        return value == null ? null : Price.of(value);
    }
}
