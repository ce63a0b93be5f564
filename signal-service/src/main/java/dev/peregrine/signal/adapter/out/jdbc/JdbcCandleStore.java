package dev.peregrine.signal.adapter.out.jdbc;

import static dev.peregrine.platform.jdbc.JdbcTime.instant;
import static dev.peregrine.platform.jdbc.JdbcTime.timestamptz;

import dev.peregrine.common.event.CandleClosed;
import dev.peregrine.common.value.Interval;
import dev.peregrine.common.value.Symbol;
import dev.peregrine.signal.application.port.out.CandleStore;
import dev.peregrine.signal.domain.bar.Bar;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The candles each series applied, in {@code signal.candles}; first write wins.
 *
 * <p>Inside {@link #inBatch} a thread's candles are held and written together when the batch ends (one JDBC batch, one
 * round trip, instead of one insert per candle on the listener thread). They are stored after their signals were
 * published either way, so the table stays a record of completed work: a crash before the write loses only candles
 * whose offsets were not committed, and their redelivery judges them again on the state rebuilt from the table. A
 * write that fails keeps the held candles for the thread's next batch; a rebuild ({@link #latest}) writes the
 * thread's held candles first, so it reads every candle its series completed. Outside a batch a candle is written
 * at once.
 */
@Repository
public class JdbcCandleStore implements CandleStore {

    private static final Logger log = LoggerFactory.getLogger(JdbcCandleStore.class);

    private static final TypeReference<List<String>> FLAGS = new TypeReference<>() {};

    private static final String INSERT = """
            INSERT INTO signal.candles (symbol, interval, open_time, close_time, open, high, low, close, volume,
                quote_volume, trades, taker_buy_base_volume, taker_buy_quote_volume, quality_flags, source,
                event_id, stored_at)
            VALUES (:symbol, :interval, :openTime, :closeTime, :open, :high, :low, :close, :volume,
                :quoteVolume, :trades, :takerBuyBaseVolume, :takerBuyQuoteVolume, CAST(:qualityFlags AS jsonb),
                :source, :eventId, :storedAt)
            ON CONFLICT (symbol, interval, open_time) DO NOTHING
            """;

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batches;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();
    /** The candles this thread's open batch holds; absent outside a batch. */
    private final ThreadLocal<List<MapSqlParameterSource>> held = new ThreadLocal<>();
    /** Candles of a batch whose write failed, kept for the thread's next write. */
    private final ThreadLocal<List<MapSqlParameterSource>> unwritten = ThreadLocal.withInitial(ArrayList::new);

    public JdbcCandleStore(JdbcClient jdbc, NamedParameterJdbcTemplate batches, Clock clock) {
        this.jdbc = jdbc;
        this.batches = batches;
        this.clock = clock;
    }

    @Override
    public void save(CandleClosed candle) {
        List<MapSqlParameterSource> batch = held.get();
        if (batch != null) {
            batch.add(row(candle));
        } else {
            write(List.of(row(candle)));
        }
    }

    /** Runs {@code work} with this thread's candles held, then writes them in one batch, also when it threw. */
    public void inBatch(Runnable work) {
        if (held.get() != null) {
            work.run(); // nested: the outer batch writes
            return;
        }
        List<MapSqlParameterSource> batch = unwritten.get();
        held.set(batch);
        try {
            work.run();
        } finally {
            held.remove();
            writeHeld(batch);
        }
    }

    private void writeHeld(List<MapSqlParameterSource> batch) {
        if (batch.isEmpty()) {
            return;
        }
        try {
            write(batch);
        } catch (DataIntegrityViolationException refused) {
            // A row the schema refuses would fail every retry of the batch and hold back the rows after it: write
            // them one at a time and leave out only the refused one (as a candle inserted alone was dead-lettered).
            for (MapSqlParameterSource row : batch) {
                try {
                    batches.update(INSERT, row);
                } catch (DataIntegrityViolationException e) {
                    log.error(
                            "Candle {} {} {} refused by signal.candles, not stored: {}",
                            row.getValue("symbol"),
                            row.getValue("interval"),
                            row.getValue("openTime"),
                            e.getMessage());
                }
            }
        }
        batch.clear();
    }

    private void write(List<MapSqlParameterSource> rows) {
        if (rows.size() == 1) {
            batches.update(INSERT, rows.getFirst());
        } else {
            batches.batchUpdate(INSERT, rows.toArray(MapSqlParameterSource[]::new));
        }
    }

    private MapSqlParameterSource row(CandleClosed candle) {
        return new MapSqlParameterSource()
                .addValue("symbol", candle.symbol().value())
                .addValue("interval", candle.interval().code())
                .addValue("openTime", timestamptz(candle.openTime()))
                .addValue("closeTime", timestamptz(candle.closeTime()))
                .addValue("open", candle.open().value())
                .addValue("high", candle.high().value())
                .addValue("low", candle.low().value())
                .addValue("close", candle.close().value())
                .addValue("volume", candle.volume().value())
                .addValue("quoteVolume", candle.quoteVolume().value())
                .addValue("trades", candle.trades())
                .addValue("takerBuyBaseVolume", candle.takerBuyBaseVolume().value())
                .addValue("takerBuyQuoteVolume", candle.takerBuyQuoteVolume().value())
                .addValue("qualityFlags", json.writeValueAsString(candle.qualityFlags()))
                .addValue("source", candle.source())
                .addValue("eventId", candle.envelope().eventId())
                .addValue("storedAt", timestamptz(clock.instant()));
    }

    @Override
    public List<Bar> latest(Symbol symbol, Interval interval, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        List<MapSqlParameterSource> batch = held.get();
        if (batch != null) {
            writeHeld(batch); // a series rebuilt mid-batch must read the candles it completed in it
        }
        List<Bar> newestFirst = jdbc.sql("""
                        SELECT open_time, close_time, open, high, low, close, volume, quote_volume, taker_buy_base_volume,
                               quality_flags
                          FROM signal.candles
                         WHERE symbol = :symbol AND interval = :interval
                         ORDER BY open_time DESC
                         LIMIT :limit
                        """)
                .param("symbol", symbol.value())
                .param("interval", interval.code())
                .param("limit", limit)
                .query((rs, row) -> bar(rs))
                .list();
        List<Bar> oldestFirst = new ArrayList<>(newestFirst);
        Collections.reverse(oldestFirst);
        return oldestFirst;
    }

    private Bar bar(ResultSet rs) throws SQLException {
        return new Bar(
                instant(rs, "open_time"),
                instant(rs, "close_time"),
                rs.getBigDecimal("open"),
                rs.getBigDecimal("high"),
                rs.getBigDecimal("low"),
                rs.getBigDecimal("close"),
                rs.getBigDecimal("volume"),
                rs.getBigDecimal("quote_volume"),
                rs.getBigDecimal("taker_buy_base_volume"),
                json.readValue(rs.getString("quality_flags"), FLAGS));
    }
}
