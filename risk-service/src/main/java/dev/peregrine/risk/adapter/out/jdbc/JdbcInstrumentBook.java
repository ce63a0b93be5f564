package dev.peregrine.risk.adapter.out.jdbc;

import dev.peregrine.common.value.Symbol;
import dev.peregrine.risk.application.port.out.InstrumentBook;
import dev.peregrine.risk.domain.InstrumentFilters;
import java.sql.Types;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The filters in {@code risk.instruments}, cached in memory (read on every decision, written rarely). */
@Repository
public class JdbcInstrumentBook implements InstrumentBook {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Map<Symbol, InstrumentFilters> cache = new ConcurrentHashMap<>();

    public JdbcInstrumentBook(JdbcClient jdbc, Clock clock) {
        this.clock = clock;
        this.jdbc = jdbc;
        jdbc.sql("SELECT * FROM risk.instruments")
                .query((rs, rowNum) -> {
                    cache.put(
                            Symbol.of(rs.getString("symbol")),
                            new InstrumentFilters(
                                    rs.getString("status"),
                                    rs.getBigDecimal("tick_size"),
                                    rs.getBigDecimal("step_size"),
                                    rs.getBigDecimal("min_quantity"),
                                    rs.getBigDecimal("min_notional"),
                                    rs.getBigDecimal("max_quantity"),
                                    rs.getBigDecimal("market_max_quantity"),
                                    rs.getBigDecimal("max_notional")));
                    return null;
                })
                .list();
    }

    @Override
    public Optional<InstrumentFilters> filtersFor(Symbol symbol) {
        return Optional.ofNullable(cache.get(symbol));
    }

    @Override
    public void save(Symbol symbol, InstrumentFilters filters) {
        jdbc.sql("""
                        INSERT INTO risk.instruments (symbol, status, tick_size, step_size, min_quantity, min_notional,
                          max_quantity, market_max_quantity, max_notional, updated_at)
                        VALUES (:symbol, :status, :tick, :step, :minQty, :minNotional, :maxQty, :marketMaxQty,
                          :maxNotional, :at)
                        ON CONFLICT (symbol) DO UPDATE SET status = EXCLUDED.status, tick_size = EXCLUDED.tick_size,
                          step_size = EXCLUDED.step_size, min_quantity = EXCLUDED.min_quantity,
                          min_notional = EXCLUDED.min_notional, max_quantity = EXCLUDED.max_quantity,
                          market_max_quantity = EXCLUDED.market_max_quantity, max_notional = EXCLUDED.max_notional,
                          updated_at = EXCLUDED.updated_at""")
                .param("symbol", symbol.value())
                .param("status", filters.status())
                .param("tick", filters.tickSize())
                .param("step", filters.stepSize())
                .param("minQty", filters.minQuantity())
                .param("minNotional", filters.minNotional())
                .param("maxQty", filters.maxQuantity(), Types.NUMERIC)
                .param("marketMaxQty", filters.marketMaxQuantity(), Types.NUMERIC)
                .param("maxNotional", filters.maxNotional(), Types.NUMERIC)
                .param("at", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                .update();
        cache.put(symbol, filters);
    }

    @Override
    public Map<Symbol, InstrumentFilters> all() {
        return Map.copyOf(cache);
    }
}
