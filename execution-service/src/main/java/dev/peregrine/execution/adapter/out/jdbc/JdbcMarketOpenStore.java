package dev.peregrine.execution.adapter.out.jdbc;

import dev.peregrine.common.value.Interval;
import dev.peregrine.common.value.Price;
import dev.peregrine.common.value.Symbol;
import dev.peregrine.execution.application.port.out.MarketOpenStore;
import dev.peregrine.execution.domain.MarketOpen;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Optional;

/** {@code execution.market_opens}: one row per (symbol, open time); the first candle stored wins. */
@Component
class JdbcMarketOpenStore implements MarketOpenStore {

    private final JdbcClient jdbc;

    JdbcMarketOpenStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean record(MarketOpen open) {
        return jdbc.sql("""
                        insert into execution.market_opens (symbol, open_time, open, "interval")
                        values (:symbol, :openTime, :open, :interval)
                        on conflict (symbol, open_time) do nothing""")
                .param("symbol", open.symbol().value())
                .param("openTime", SqlTime.toSql(open.openTime()))
                .param("open", open.open().value())
                .param("interval", open.interval().code())
                .update() == 1;
    }

    @Override
    public Optional<MarketOpen> firstAfter(Symbol symbol, Instant after) {
        return jdbc.sql("""
                        select symbol, open_time, open, "interval" from execution.market_opens
                        where symbol = :symbol and open_time > :after
                        order by open_time
                        limit 1""")
                .param("symbol", symbol.value())
                .param("after", SqlTime.toSql(after))
                .query((rs, row) -> new MarketOpen(Symbol.of(rs.getString("symbol")),
                        Interval.fromCode(rs.getString("interval")), SqlTime.instant(rs, "open_time"),
                        Price.of(rs.getBigDecimal("open"))))
                .optional();
    }
}
