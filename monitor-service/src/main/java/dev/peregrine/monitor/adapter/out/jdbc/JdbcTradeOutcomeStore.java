package dev.peregrine.monitor.adapter.out.jdbc;

import static dev.peregrine.platform.jdbc.JdbcTime.timestamptz;

import dev.peregrine.common.value.Symbol;
import dev.peregrine.monitor.application.port.out.TradeOutcomeStore;
import dev.peregrine.monitor.domain.outcome.TradeOutcome;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * {@link TradeOutcomeStore} on PostgreSQL: {@code monitor.position_entries} and {@code monitor.trade_outcomes}; the
 * join to the signal reads the trade-flow tables ({@code monitor.executions}, {@code monitor.signals}).
 */
@Repository
public class JdbcTradeOutcomeStore implements TradeOutcomeStore {

    private final JdbcClient jdbc;
    private final Clock clock;

    public JdbcTradeOutcomeStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public boolean savePositionEntry(
            UUID positionId, String strategyId, Symbol symbol, String entryClientOrderId, Instant openedAt) {
        return jdbc.sql("""
                        insert into monitor.position_entries (position_id, strategy_id, symbol, entry_client_order_id,
                          opened_at, recorded_at)
                        values (:positionId, :strategyId, :symbol, :entry, :openedAt, :recordedAt)
                        on conflict do nothing""")
                        .param("positionId", positionId)
                        .param("strategyId", strategyId)
                        .param("symbol", symbol.value())
                        .param("entry", entryClientOrderId)
                        .param("openedAt", timestamptz(openedAt))
                        .param("recordedAt", timestamptz(clock.instant()))
                        .update()
                == 1;
    }

    @Override
    public Optional<String> entryClientOrderId(UUID positionId) {
        return jdbc.sql("select entry_client_order_id from monitor.position_entries where position_id = :id")
                .param("id", positionId)
                .query(String.class)
                .optional();
    }

    @Override
    public Optional<UUID> signalOfOrder(String clientOrderId) {
        return jdbc.sql("""
                        select s.signal_id from monitor.executions e
                        join monitor.signals s on s.correlation_id = e.correlation_id and s.strategy_id = e.strategy_id
                          and s.symbol = e.symbol
                        where e.client_order_id = :id
                        order by s.event_time limit 1""").param("id", clientOrderId).query(UUID.class).optional();
    }

    @Override
    public boolean saveTradeOutcome(TradeOutcome trade) {
        return jdbc.sql("""
                        insert into monitor.trade_outcomes (position_id, strategy_id, symbol, entry_client_order_id,
                          exit_client_order_id, signal_id, opened_at, closed_at, holding_seconds, realised_pnl, pnl_currency,
                          fees, fee_currency, average_entry, close_reason, recorded_at)
                        values (:positionId, :strategyId, :symbol, :entry, :exit, :signalId, :openedAt, :closedAt,
                          :holding, :pnl, :pnlCurrency, :fees, :feeCurrency, :averageEntry, :closeReason, :recordedAt)
                        on conflict do nothing""")
                        .param("positionId", trade.positionId())
                        .param("strategyId", trade.strategyId())
                        .param("symbol", trade.symbol().value())
                        .param("entry", trade.entryClientOrderId().orElse(null), Types.VARCHAR)
                        .param("exit", trade.exitClientOrderId())
                        .param("signalId", trade.signalId().orElse(null), Types.OTHER)
                        .param("openedAt", timestamptz(trade.openedAt()))
                        .param("closedAt", timestamptz(trade.closedAt()))
                        .param("holding", trade.holdingTime().toSeconds())
                        .param("pnl", trade.realisedPnl().amount())
                        .param("pnlCurrency", trade.realisedPnl().currency())
                        .param("fees", trade.fees().amount())
                        .param("feeCurrency", trade.fees().currency())
                        .param("averageEntry", trade.averageEntry())
                        .param("closeReason", trade.closeReason())
                        .param("recordedAt", timestamptz(trade.recordedAt()))
                        .update()
                == 1;
    }
}
