package dev.peregrine.ingest.adapter.out.jdbc;

import dev.peregrine.common.value.Interval;
import dev.peregrine.common.value.Symbol;
import dev.peregrine.ingest.application.port.out.CandleStore;
import dev.peregrine.ingest.application.port.out.NewCandle;
import dev.peregrine.ingest.application.port.out.StoredCandle;
import dev.peregrine.ingest.domain.Candle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** {@code ingest.candles}: insert-or-read in one round trip per candle, published marks in one statement per batch. */
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

    private final JdbcClient jdbc;

    public JdbcCandleStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public StoredCandle storeIfAbsent(NewCandle offered) {
        Candle c = offered.candle();
        return jdbc.sql(STORE_IF_ABSENT)
                .param("symbol", c.symbol().value())
                .param("interval", c.interval().code())
                .param("openTime", Sql.timestamp(c.openTime()))
                .param("closeTime", Sql.timestamp(c.closeTime()))
                .param("open", c.open())
                .param("high", c.high())
                .param("low", c.low())
                .param("close", c.close())
                .param("volume", c.volume())
                .param("quoteVolume", c.quoteVolume())
                .param("trades", c.trades())
                .param("takerBuyBaseVolume", c.takerBuyBaseVolume())
                .param("takerBuyQuoteVolume", c.takerBuyQuoteVolume())
                .param("qualityFlags", new SqlArrayValue("text", offered.qualityFlags().toArray()))
                .param("source", offered.source())
                .param("eventId", offered.eventId())
                .param("ingestedAt", Sql.timestamp(offered.ingestedAt()))
                .query(JdbcCandleStore::stored)
                .single();
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
