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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The candles each series applied, in {@code signal.candles}; first write wins. */
@Repository
public class JdbcCandleStore implements CandleStore {

    private static final TypeReference<List<String>> FLAGS = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();

    public JdbcCandleStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void save(CandleClosed candle) {
        jdbc.sql("""
                        INSERT INTO signal.candles (symbol, interval, open_time, close_time, open, high, low, close, volume,
                            quote_volume, trades, taker_buy_base_volume, taker_buy_quote_volume, quality_flags, source,
                            event_id, stored_at)
                        VALUES (:symbol, :interval, :openTime, :closeTime, :open, :high, :low, :close, :volume,
                            :quoteVolume, :trades, :takerBuyBaseVolume, :takerBuyQuoteVolume, CAST(:qualityFlags AS jsonb),
                            :source, :eventId, :storedAt)
                        ON CONFLICT (symbol, interval, open_time) DO NOTHING
                        """)
                .param("symbol", candle.symbol().value())
                .param("interval", candle.interval().code())
                .param("openTime", timestamptz(candle.openTime()))
                .param("closeTime", timestamptz(candle.closeTime()))
                .param("open", candle.open().value())
                .param("high", candle.high().value())
                .param("low", candle.low().value())
                .param("close", candle.close().value())
                .param("volume", candle.volume().value())
                .param("quoteVolume", candle.quoteVolume().value())
                .param("trades", candle.trades())
                .param("takerBuyBaseVolume", candle.takerBuyBaseVolume().value())
                .param("takerBuyQuoteVolume", candle.takerBuyQuoteVolume().value())
                .param("qualityFlags", json.writeValueAsString(candle.qualityFlags()))
                .param("source", candle.source())
                .param("eventId", candle.envelope().eventId())
                .param("storedAt", timestamptz(clock.instant()))
                .update();
    }

    @Override
    public List<Bar> latest(Symbol symbol, Interval interval, int limit) {
        if (limit <= 0) {
            return List.of();
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
