package dev.peregrine.risk.adapter.out.staticdata;

import dev.peregrine.common.value.Symbol;
import dev.peregrine.risk.application.port.out.InstrumentFilterSource;
import dev.peregrine.risk.domain.InstrumentFilters;

import java.util.Map;
import java.util.Objects;

/**
 * Placeholder (first version): instrument filters from configuration, per symbol where overridden and the
 * defaults otherwise. To be replaced by the filters ingest reads from Binance's exchangeInfo.
 */
public final class ConfiguredInstrumentFilters implements InstrumentFilterSource {

    private final InstrumentFilters defaults;
    private final Map<Symbol, InstrumentFilters> overrides;

    public ConfiguredInstrumentFilters(InstrumentFilters defaults, Map<Symbol, InstrumentFilters> overrides) {
        this.defaults = Objects.requireNonNull(defaults, "defaults");
        this.overrides = Map.copyOf(Objects.requireNonNull(overrides, "overrides"));
    }

    @Override
    public InstrumentFilters filtersFor(Symbol symbol) {
        return overrides.getOrDefault(symbol, defaults);
    }
}
