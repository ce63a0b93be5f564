package dev.peregrine.ingest.adapter.out.jdbc;

import dev.peregrine.common.value.Interval;
import dev.peregrine.common.value.Symbol;
import dev.peregrine.ingest.application.port.out.CandleStore;
import dev.peregrine.ingest.application.port.out.NewCandle;
import dev.peregrine.ingest.application.port.out.StoredCandle;
import dev.peregrine.ingest.domain.Candle;
import dev.peregrine.ingest.domain.Series;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code ingest.candles}: insert-or-read in one round trip per candle, or in two per batch (a JDBC batch of
 * inserts, then one query for the keys that were already taken); published marks in one statement per batch.
 */
@Component
public class JdbcCandleStore implements CandleStore {

    private static final String COLUMNS = "symbol, interval, open_time, close_time, open, high, low, close, volume, "
            + "quote_volume, trades, taker_buy_base_volume, taker_buy_quote_volume, quality_flags, source, event_id, "
            + "published_at";

    // The second SELECT reads the snapshot from before the INSERT, so it returns the row only when the INSERT
    // found the key taken.
    private static final String STORE_IF_ABSENT = """
            WITH inserted AS (
                INSERT INTO ingest.candles (symbol, interval, open_time, close_time, open, high, low, close, volume,
                        quote_volume, trades, taker_buy_base_volume, taker_buy_quote_volume, quality_flags, source,
                        event_id, ingested_at)
                VALUES (:symbol, :interval, :openTime, :closeTime, :open, :high, :low, :close, :volume,
                        :quoteVolume, :trades, :takerBuyBaseVolume, :takerBuyQuoteVolume, :qualityFlags, :source,
                        :eventId, :ingestedAt)
                ON CONFLICT (symbol, interval, open_time) DO NOTHING
                RETURNING %1$s
            )
            SELECT %1$s FROM inserted
            UNION ALL
            SELECT %1$s FROM ingest.candles
             WHERE symbol = :symbol AND interval = :interval AND open_time = :openTime
               AND NOT EXISTS (SELECT 1 FROM inserted)
            """.formatted(COLUMNS);

    private static final String INSERT_IF_ABSENT = """
            INSERT INTO ingest.candles (symbol, interval, open_time, close_time, open, high, low, close, volume,
                    quote_volume, trades, taker_buy_base_volume, taker_buy_quote_volume, quality_flags, source,
                    event_id, ingested_at)
            VALUES (:symbol, :interval, :openTime, :closeTime, :open, :high, :low, :close, :volume,
                    :quoteVolume, :trades, :takerBuyBaseVolume, :takerBuyQuoteVolume, :qualityFlags, :source,
                    :eventId, :ingestedAt)
            ON CONFLICT (symbol, interval, open_time) DO NOTHING
            """;

    // A row under an offered key whose event id is not the one offered with it was there before the insert
    // (or came from another offer of the same key): the stored row wins. Update counts are not used to tell
    // inserted rows apart because the driver may report none (reWriteBatchedInserts).
    private static final String TAKEN_BEFORE = """
            SELECT %s FROM ingest.candles
              JOIN unnest(CAST(:symbols AS text[]), CAST(:intervals AS text[]), CAST(:openTimes AS timestamptz[]),
                          CAST(:eventIds AS uuid[])) AS offered(o_symbol, o_interval, o_open_time, o_event_id)
                ON symbol = o_symbol AND interval = o_interval AND open_time = o_open_time
             WHERE event_id <> o_event_id
            """.formatted(COLUMNS);

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batch;

    public JdbcCandleStore(JdbcClient jdbc, NamedParameterJdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    @Override
    public StoredCandle storeIfAbsent(NewCandle offered) {
        return jdbc.sql(STORE_IF_ABSENT)
                .paramSource(parameters(offered))
                .query(JdbcCandleStore::stored)
                .single();
    }

    @Override
    public List<StoredCandle> storeAllIfAbsent(List<NewCandle> offered) {
        if (offered.isEmpty()) {
            return List.of();
        }
        batch.batchUpdate(INSERT_IF_ABSENT, offered.stream().map(JdbcCandleStore::parameters)
                .toArray(SqlParameterSource[]::new));
        Map<Key, StoredCandle> taken = new HashMap<>();
        jdbc.sql(TAKEN_BEFORE)
                .param("symbols", new SqlArrayValue("text", offered.stream().map(o -> o.candle().symbol().value()).toArray()))
                .param("intervals", new SqlArrayValue("text", offered.stream().map(o -> o.candle().interval().code()).toArray()))
                // ISO-8601 text, cast by the server: the driver has no portable way to build a timestamptz array.
                .param("openTimes", new SqlArrayValue("text", offered.stream().map(o -> o.candle().openTime().toString()).toArray()))
                .param("eventIds", new SqlArrayValue("uuid", offered.stream().map(NewCandle::eventId).toArray()))
                .query(JdbcCandleStore::stored)
                .list()
                .forEach(row -> taken.putIfAbsent(Key.of(row.candle()), row));
        return offered.stream().map(o -> Optional.ofNullable(taken.get(Key.of(o.candle())))
                        .orElseGet(() -> new StoredCandle(o.candle(), o.qualityFlags(), o.source(), o.eventId(),
                                Optional.empty())))
                .toList();
    }

    @Override
    public void markPublished(Collection<UUID> eventIds, Instant publishedAt) {
        if (eventIds.isEmpty()) {
            return;
        }
        jdbc.sql("UPDATE ingest.candles SET published_at = :publishedAt "
                        + "WHERE event_id = ANY(:eventIds) AND published_at IS NULL")
                .param("publishedAt", Sql.timestamp(publishedAt))
                .param("eventIds", new SqlArrayValue("uuid", eventIds.toArray()))
                .update();
    }

    @Override
    public Optional<Instant> latestPublishedOpenTime(Series series) {
        // Walks the primary key backwards from the series' newest candle to the first published one.
        return jdbc.sql("SELECT open_time FROM ingest.candles WHERE symbol = :symbol AND interval = :interval "
                        + "AND published_at IS NOT NULL ORDER BY open_time DESC LIMIT 1")
                .param("symbol", series.symbol().value())
                .param("interval", series.interval().code())
                .query((rs, row) -> Sql.instant(rs, "open_time"))
                .optional();
    }

    private static MapSqlParameterSource parameters(NewCandle offered) {
        Candle c = offered.candle();
        return new MapSqlParameterSource()
                .addValue("symbol", c.symbol().value())
                .addValue("interval", c.interval().code())
                .addValue("openTime", Sql.timestamp(c.openTime()))
                .addValue("closeTime", Sql.timestamp(c.closeTime()))
                .addValue("open", c.open())
                .addValue("high", c.high())
                .addValue("low", c.low())
                .addValue("close", c.close())
                .addValue("volume", c.volume())
                .addValue("quoteVolume", c.quoteVolume())
                .addValue("trades", c.trades())
                .addValue("takerBuyBaseVolume", c.takerBuyBaseVolume())
                .addValue("takerBuyQuoteVolume", c.takerBuyQuoteVolume())
                .addValue("qualityFlags", new SqlArrayValue("text", offered.qualityFlags().toArray()))
                .addValue("source", offered.source())
                .addValue("eventId", offered.eventId())
                .addValue("ingestedAt", Sql.timestamp(offered.ingestedAt()));
    }

    private record Key(String symbol, String interval, Instant openTime) {

        static Key of(Candle candle) {
            return new Key(candle.symbol().value(), candle.interval().code(), candle.openTime());
        }
    }

    private static StoredCandle stored(ResultSet rs, int row) throws SQLException {
        Candle candle = new Candle(Symbol.of(rs.getString("symbol")), Interval.fromCode(rs.getString("interval")),
                Sql.instant(rs, "open_time"), Sql.instant(rs, "close_time"),
                rs.getBigDecimal("open"), rs.getBigDecimal("high"), rs.getBigDecimal("low"), rs.getBigDecimal("close"),
                rs.getBigDecimal("volume"), rs.getBigDecimal("quote_volume"), rs.getLong("trades"),
                rs.getBigDecimal("taker_buy_base_volume"), rs.getBigDecimal("taker_buy_quote_volume"));
        String[] flags = (String[]) rs.getArray("quality_flags").getArray();
        return new StoredCandle(candle, List.of(flags), rs.getString("source"), rs.getObject("event_id", UUID.class),
                Sql.optionalInstant(rs, "published_at"));
    }
}
