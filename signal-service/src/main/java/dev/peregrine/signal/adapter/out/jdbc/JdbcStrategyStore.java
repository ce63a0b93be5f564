package dev.peregrine.signal.adapter.out.jdbc;

import static dev.peregrine.platform.jdbc.JdbcTime.instant;
import static dev.peregrine.platform.jdbc.JdbcTime.timestamptz;

import dev.peregrine.common.event.StrategyState;
import dev.peregrine.signal.application.port.out.StrategyStore;
import dev.peregrine.signal.domain.Strategy;
import dev.peregrine.signal.domain.StrategyChange;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Strategy states in {@code signal.strategies} and their changes in {@code signal.strategy_audit}. */
@Repository
public class JdbcStrategyStore implements StrategyStore {

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;

    public JdbcStrategyStore(JdbcClient jdbc, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    @Override
    public List<Strategy> loadAll() {
        // Retired strategies keep their row for their history but are no longer part of the registry.
        return jdbc.sql(
                        "SELECT id, state, weight, reason, changed_by, changed_at FROM signal.strategies WHERE retired_at IS NULL ORDER BY id")
                .query((rs, row) -> strategy(rs, "id", "state"))
                .list();
    }

    @Override
    public boolean record(StrategyChange change, AuditContext context) {
        Strategy before = change.before();
        Strategy after = change.after();
        Boolean recorded = transaction.execute(status -> {
            int audited = jdbc.sql("""
                            INSERT INTO signal.strategy_audit (strategy_id, from_state, to_state, weight, reason, changed_by,
                                changed_at, event_id, correlation_id, command_id)
                            VALUES (:strategyId, :fromState, :toState, :weight, :reason, :changedBy, :changedAt, :eventId,
                                :correlationId, :commandId)
                            ON CONFLICT (command_id) DO NOTHING
                            """)
                    .param("strategyId", after.id())
                    .param("fromState", before.state().name())
                    .param("toState", after.state().name())
                    .param("weight", after.weight())
                    .param("reason", after.reason())
                    .param("changedBy", after.changedBy())
                    .param("changedAt", timestamptz(after.changedAt()))
                    .param("eventId", context.eventId())
                    .param("correlationId", context.correlationId())
                    .param("commandId", context.commandId(), Types.OTHER)
                    .update();
            if (audited == 0) {
                return false;
            }
            int updated = jdbc.sql("""
                            UPDATE signal.strategies
                               SET state = :state, weight = :weight, reason = :reason, changed_by = :changedBy,
                                   changed_at = :changedAt
                             WHERE id = :id AND retired_at IS NULL
                            """)
                    .param("state", after.state().name())
                    .param("weight", after.weight())
                    .param("reason", after.reason())
                    .param("changedBy", after.changedBy())
                    .param("changedAt", timestamptz(after.changedAt()))
                    .param("id", after.id())
                    .update();
            if (updated != 1) {
                throw new IllegalStateException(
                        "strategy " + after.id() + " is not an active part of signal.strategies");
            }
            return true;
        });
        return Boolean.TRUE.equals(recorded);
    }

    @Override
    public Optional<RecordedChange> findByCommand(UUID commandId) {
        return jdbc.sql("""
                        SELECT strategy_id, to_state, weight, reason, changed_by, changed_at, event_id
                          FROM signal.strategy_audit
                         WHERE command_id = :commandId
                        """)
                .param("commandId", commandId)
                .query((rs, row) -> new RecordedChange(
                        strategy(rs, "strategy_id", "to_state"), rs.getObject("event_id", UUID.class)))
                .optional();
    }

    private static Strategy strategy(ResultSet rs, String idColumn, String stateColumn) throws SQLException {
        return new Strategy(
                rs.getString(idColumn),
                StrategyState.valueOf(rs.getString(stateColumn)),
                rs.getBigDecimal("weight"),
                rs.getString("reason"),
                rs.getString("changed_by"),
                instant(rs, "changed_at"));
    }
}
