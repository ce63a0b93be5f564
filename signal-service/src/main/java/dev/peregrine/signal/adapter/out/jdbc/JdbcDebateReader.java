package dev.peregrine.signal.adapter.out.jdbc;

import static dev.peregrine.platform.jdbc.JdbcTime.instant;

import dev.peregrine.common.event.Grade;
import dev.peregrine.common.event.RecommendedAction;
import dev.peregrine.common.value.Interval;
import dev.peregrine.common.value.Side;
import dev.peregrine.common.value.Symbol;
import dev.peregrine.signal.application.port.in.StoredDebate;
import dev.peregrine.signal.application.port.out.DebateReader;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads debates from {@code signal.debates} with the signals of their candle from {@code signal.signal_validations}. */
@Repository
public class JdbcDebateReader implements DebateReader {

    private static final String COLUMNS = """
            d.debate_id, d.symbol, d.interval, d.candle_open_time, d.candle_close_time, d.regime, d.verdict, d.conviction,
            d.rationale, d.bull_case, d.bear_case, d.consensus, d.panel, d.correlation_id, d.created_at
            """;

    private final JdbcClient jdbc;

    public JdbcDebateReader(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<StoredDebate> latest(Symbol symbol, Optional<Interval> interval) {
        if (interval.isPresent()) {
            return withSignals(jdbc.sql("SELECT " + COLUMNS + """
                             FROM signal.debates d
                            WHERE d.symbol = :symbol AND d.interval = :interval
                            ORDER BY d.candle_open_time DESC
                            LIMIT 1
                            """)
                    .param("symbol", symbol.value())
                    .param("interval", interval.get().code())
                    .query((rs, row) -> debate(rs))
                    .optional());
        }
        return withSignals(jdbc.sql("SELECT " + COLUMNS + """
                         FROM signal.debates d
                        WHERE d.symbol = :symbol
                        ORDER BY d.candle_open_time DESC, d.interval
                        LIMIT 1
                        """)
                .param("symbol", symbol.value())
                .query((rs, row) -> debate(rs))
                .optional());
    }

    @Override
    public Optional<StoredDebate> bySignal(UUID signalId) {
        return withSignals(jdbc.sql("SELECT " + COLUMNS + """
                         FROM signal.signal_validations v
                         JOIN signal.debates d ON d.debate_id = v.debate_id
                        WHERE v.signal_id = :signalId
                        """)
                .param("signalId", signalId)
                .query((rs, row) -> debate(rs))
                .optional());
    }

    private Optional<StoredDebate> withSignals(Optional<StoredDebate> debate) {
        return debate.map(d -> {
            List<StoredDebate.SignalSummary> signals = jdbc.sql("""
                            SELECT signal_id, strategy_id, side, strength, grade, action, tradeable
                              FROM signal.signal_validations
                             WHERE debate_id = :debateId
                             ORDER BY strategy_id
                            """)
                    .param("debateId", d.debateId())
                    .query((rs, row) -> new StoredDebate.SignalSummary(
                            rs.getObject("signal_id", UUID.class),
                            rs.getString("strategy_id"),
                            Side.valueOf(rs.getString("side")),
                            rs.getInt("strength"),
                            Grade.valueOf(rs.getString("grade")),
                            RecommendedAction.valueOf(rs.getString("action")),
                            rs.getBoolean("tradeable")))
                    .list();
            return new StoredDebate(
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
                    signals);
        });
    }

    private static StoredDebate debate(ResultSet rs) throws SQLException {
        return new StoredDebate(
                rs.getObject("debate_id", UUID.class),
                rs.getString("symbol"),
                rs.getString("interval"),
                instant(rs, "candle_open_time"),
                instant(rs, "candle_close_time"),
                rs.getString("regime"),
                rs.getString("verdict"),
                rs.getBigDecimal("conviction"),
                rs.getString("rationale"),
                rs.getString("bull_case"),
                rs.getString("bear_case"),
                rs.getString("consensus"),
                rs.getString("panel"),
                rs.getObject("correlation_id", UUID.class),
                instant(rs, "created_at"),
                List.of());
    }
}
