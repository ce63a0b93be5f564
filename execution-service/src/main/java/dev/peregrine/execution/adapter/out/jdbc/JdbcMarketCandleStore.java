package dev.peregrine.execution.adapter.out.jdbc;

import static dev.peregrine.platform.jdbc.JdbcTime.instantOrNull;
import static dev.peregrine.platform.jdbc.JdbcTime.timestamptz;

import dev.peregrine.common.value.Interval;
import dev.peregrine.common.value.Price;
import dev.peregrine.common.value.Symbol;
import dev.peregrine.execution.application.port.out.MarketCandleStore;
import dev.peregrine.execution.domain.MarketCandle;
import java.math.BigDecimal;
import java.sql.Types;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@code execution.market_candles}: one row per (symbol, open time); the first candle stored wins. Rows stored
 * before the range was kept (high, low and close null) read as candles of which only the open traded.
 */
@Component
class JdbcMarketCandleStore implements MarketCandleStore {

    private static final String COLUMNS = "symbol, open_time, open, high, low, close, \"interval\"";

    private static final RowMapper<MarketCandle> CANDLE = (rs, row) -> {
        Symbol symbol = Symbol.of(rs.getString("symbol"));
        Interval interval = Interval.fromCode(rs.getString("interval"));
        Instant openTime = instantOrNull(rs, "open_time");
        Price open = Price.of(rs.getBigDecimal("open"));
        BigDecimal high = rs.getBigDecimal("high");
        return high == null
                ? MarketCandle.openOnly(symbol, interval, openTime, open)
                : new MarketCandle(
                        symbol,
                        interval,
                        openTime,
                        open,
                        Price.of(high),
                        Price.of(rs.getBigDecimal("low")),
                        Price.of(rs.getBigDecimal("close")));
    };

    private final JdbcClient jdbc;

    JdbcMarketCandleStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean record(MarketCandle candle) {
        return jdbc.sql("insert into execution.market_candles (" + COLUMNS + """
                        ) values (:symbol, :openTime, :open, :high, :low, :close, :interval)
                        on conflict (symbol, open_time) do nothing""")
                        .param("symbol", candle.symbol().value())
                        .param("openTime", timestamptz(candle.openTime()))
                        .param("open", candle.open().value())
                        .param("high", candle.high().value())
                        .param("low", candle.low().value())
                        .param("close", candle.close().value())
                        .param("interval", candle.interval().code())
                        .update()
                == 1;
    }

    @Override
    public Optional<MarketCandle> firstAfter(Symbol symbol, Instant after) {
        return jdbc.sql("select " + COLUMNS + """
                         from execution.market_candles
                        where symbol = :symbol and open_time > :after
                        order by open_time
                        limit 1""")
                .param("symbol", symbol.value())
                .param("after", timestamptz(after))
                .query(CANDLE)
                .optional();
    }

    @Override
    public Optional<MarketCandle> firstReaching(Symbol symbol, Instant from, Price stop, Price takeProfit) {
        if (stop == null && takeProfit == null) {
            return Optional.empty();
        }
        return jdbc.sql("select " + COLUMNS + """
                         from execution.market_candles
                        where symbol = :symbol and open_time >= :from
                          and (coalesce(low, open) <= :stop or coalesce(high, open) >= :takeProfit)
                        order by open_time
                        limit 1""")
                .param("symbol", symbol.value())
                .param("from", timestamptz(from))
                .param("stop", stop == null ? null : stop.value(), Types.NUMERIC)
                .param("takeProfit", takeProfit == null ? null : takeProfit.value(), Types.NUMERIC)
                .query(CANDLE)
                .optional();
    }
}
