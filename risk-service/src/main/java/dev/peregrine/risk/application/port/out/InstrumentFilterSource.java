package dev.peregrine.risk.application.port.out;

import dev.peregrine.common.value.Symbol;
import dev.peregrine.risk.domain.InstrumentFilters;

/** The exchange's trading rules (step size, minimum notional and quantity) per symbol. */
public interface InstrumentFilterSource {

    InstrumentFilters filtersFor(Symbol symbol);
}
