package dev.peregrine.ingest.adapter.out.jdbc;

import dev.peregrine.common.value.Symbol;
import dev.peregrine.ingest.application.port.out.InstrumentStore;
import dev.peregrine.ingest.application.port.out.StoredInstrument;
import dev.peregrine.ingest.domain.instrument.Instrument;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Component;

/** {@code ingest.instruments}: one row per symbol, replaced when its rules change. */
@Component
public class JdbcInstrumentStore implements InstrumentStore {

    private static final String COLUMNS = "symbol, status, base_asset, quote_asset, tick_size, step_size, min_qty, "
            + "min_notional, max_qty, market_max_qty, max_notional, event_id, updated_at, published_at";

    private final JdbcClient jdbc;

    public JdbcInstrumentStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<StoredInstrument> find(Symbol symbol) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM ingest.instruments WHERE symbol = :symbol")
                .param("symbol", symbol.value())
                .query(JdbcInstrumentStore::stored)
                .optional();
    }

    @Override
    public void save(Instrument instrument, UUID eventId, Instant updatedAt) {
        jdbc.sql("""
                        INSERT INTO ingest.instruments (symbol, status, base_asset, quote_asset, tick_size, step_size,
                                min_qty, min_notional, max_qty, market_max_qty, max_notional, event_id, updated_at,
                                published_at)
                        VALUES (:symbol, :status, :base, :quote, :tick, :step, :minQty, :minNotional, :maxQty,
                                :marketMaxQty, :maxNotional, :eventId, :updatedAt, NULL)
                        ON CONFLICT (symbol) DO UPDATE SET status = EXCLUDED.status, base_asset = EXCLUDED.base_asset,
                                quote_asset = EXCLUDED.quote_asset, tick_size = EXCLUDED.tick_size,
                                step_size = EXCLUDED.step_size, min_qty = EXCLUDED.min_qty,
                                min_notional = EXCLUDED.min_notional, max_qty = EXCLUDED.max_qty,
                                market_max_qty = EXCLUDED.market_max_qty, max_notional = EXCLUDED.max_notional,
                                event_id = EXCLUDED.event_id,
                                updated_at = EXCLUDED.updated_at, published_at = NULL
                        """)
                .param("symbol", instrument.symbol().value())
                .param("status", instrument.status())
                .param("base", instrument.baseAsset())
                .param("quote", instrument.quoteAsset())
                .param("tick", instrument.tickSize())
                .param("step", instrument.stepSize())
                .param("minQty", instrument.minQuantity())
                .param("minNotional", instrument.minNotional())
                .param("maxQty", instrument.maxQuantity(), Types.NUMERIC)
                .param("marketMaxQty", instrument.marketMaxQuantity(), Types.NUMERIC)
                .param("maxNotional", instrument.maxNotional(), Types.NUMERIC)
                .param("eventId", eventId)
                .param("updatedAt", Sql.timestamp(updatedAt))
                .update();
    }

    @Override
    public void markPublished(List<UUID> eventIds, Instant publishedAt) {
        if (eventIds.isEmpty()) {
            return;
        }
        jdbc.sql("UPDATE ingest.instruments SET published_at = :publishedAt "
                        + "WHERE event_id = ANY(:eventIds) AND published_at IS NULL")
                .param("publishedAt", Sql.timestamp(publishedAt))
                .param("eventIds", new SqlArrayValue("uuid", eventIds.toArray()))
                .update();
    }

    private static StoredInstrument stored(ResultSet rs, int row) throws SQLException {
        Instrument instrument = new Instrument(
                Symbol.of(rs.getString("symbol")),
                rs.getString("status"),
                rs.getString("base_asset"),
                rs.getString("quote_asset"),
                rs.getBigDecimal("tick_size"),
                rs.getBigDecimal("step_size"),
                rs.getBigDecimal("min_qty"),
                rs.getBigDecimal("min_notional"),
                rs.getBigDecimal("max_qty"),
                rs.getBigDecimal("market_max_qty"),
                rs.getBigDecimal("max_notional"));
        return new StoredInstrument(
                instrument,
                rs.getObject("event_id", UUID.class),
                Sql.instant(rs, "updated_at"),
                Sql.optionalInstant(rs, "published_at"));
    }
}
