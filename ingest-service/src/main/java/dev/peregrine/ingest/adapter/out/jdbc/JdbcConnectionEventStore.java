package dev.peregrine.ingest.adapter.out.jdbc;

import dev.peregrine.common.value.Interval;
import dev.peregrine.common.value.Symbol;
import dev.peregrine.ingest.application.port.out.ConnectionEventStore;
import dev.peregrine.ingest.domain.Series;
import dev.peregrine.ingest.domain.live.ConnectionEvent;
import dev.peregrine.ingest.domain.live.ConnectionEventType;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** {@code ingest.connection_events}: one row per event, read newest first. */
@Component
public class JdbcConnectionEventStore implements ConnectionEventStore {

    private final JdbcClient jdbc;

    public JdbcConnectionEventStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void record(ConnectionEvent event) {
        jdbc.sql("""
                        INSERT INTO ingest.connection_events (id, occurred_at, type, channel, symbol, interval,
                                range_from, range_to, candles, detail)
                        VALUES (:id, :at, :type, :channel, :symbol, :interval, :from, :to, :candles, :detail)
                        ON CONFLICT (id) DO NOTHING
                        """)
                .param("id", event.id())
                .param("at", Sql.timestamp(event.at()))
                .param("type", event.type().name())
                .param("channel", event.channel())
                .param("symbol", event.series().map(s -> s.symbol().value()).orElse(null), Types.VARCHAR)
                .param("interval", event.series().map(s -> s.interval().code()).orElse(null), Types.VARCHAR)
                .param("from", Sql.timestamp(event.from().orElse(null)), Types.TIMESTAMP_WITH_TIMEZONE)
                .param("to", Sql.timestamp(event.to().orElse(null)), Types.TIMESTAMP_WITH_TIMEZONE)
                .param("candles", event.candles().isPresent() ? event.candles().getAsInt() : null, Types.INTEGER)
                .param("detail", Sql.text(event.detail()))
                .update();
    }

    @Override
    public List<ConnectionEvent> recent(int limit) {
        return jdbc.sql("SELECT id, occurred_at, type, channel, symbol, interval, range_from, range_to, candles, "
                        + "detail "
                        + "FROM ingest.connection_events ORDER BY occurred_at DESC, id DESC LIMIT :limit")
                .param("limit", limit)
                .query(JdbcConnectionEventStore::event)
                .list();
    }

    private static ConnectionEvent event(ResultSet rs, int row) throws SQLException {
        String symbol = rs.getString("symbol");
        String interval = rs.getString("interval");
        Optional<Series> series = symbol == null || interval == null
                ? Optional.empty()
                : Optional.of(new Series(Symbol.of(symbol), Interval.fromCode(interval)));
        int candles = rs.getInt("candles");
        OptionalInt count = rs.wasNull() ? OptionalInt.empty() : OptionalInt.of(candles);
        return new ConnectionEvent(
                rs.getObject("id", UUID.class),
                Sql.instant(rs, "occurred_at"),
                ConnectionEventType.valueOf(rs.getString("type")),
                rs.getString("channel"),
                series,
                Sql.optionalInstant(rs, "range_from"),
                Sql.optionalInstant(rs, "range_to"),
                count,
                rs.getString("detail"));
    }
}
