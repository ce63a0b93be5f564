package dev.peregrine.risk.application.port.out;

import dev.peregrine.common.value.Symbol;
import dev.peregrine.risk.domain.InstrumentFilters;
import java.util.Map;
import java.util.Optional;

/** The exchange's filters per symbol, as ingest published them on {@code market.instruments.v1}. */
public interface InstrumentBook {

    Optional<InstrumentFilters> filtersFor(Symbol symbol);

    void save(Symbol symbol, InstrumentFilters filters);

    Map<Symbol, InstrumentFilters> all();
}
