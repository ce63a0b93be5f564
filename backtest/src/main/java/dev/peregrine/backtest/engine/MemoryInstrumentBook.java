package dev.peregrine.backtest.engine;

import dev.peregrine.common.value.Symbol;
import dev.peregrine.risk.application.port.out.InstrumentBook;
import dev.peregrine.risk.domain.InstrumentFilters;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** risk-service's instrument filters in memory. */
final class MemoryInstrumentBook implements InstrumentBook {

    private final Map<Symbol, InstrumentFilters> filters = new HashMap<>();

    @Override
    public Optional<InstrumentFilters> filtersFor(Symbol symbol) {
        return Optional.ofNullable(filters.get(symbol));
    }

    @Override
    public void save(Symbol symbol, InstrumentFilters instrumentFilters) {
        filters.put(symbol, instrumentFilters);
    }

    @Override
    public Map<Symbol, InstrumentFilters> all() {
        return Map.copyOf(filters);
    }
}
