package dev.peregrine.ingest.application.port.out;

import dev.peregrine.common.value.Symbol;
import dev.peregrine.ingest.domain.instrument.Instrument;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What {@code exchangeInfo} said about the symbols asked for.
 *
 * @param unknown    symbols the exchange does not list
 * @param serverTime the exchange's time of the answer
 */
public record InstrumentLookup(List<Instrument> found, List<Symbol> unknown, Instant serverTime) {

    public InstrumentLookup {
        found = List.copyOf(found);
        unknown = List.copyOf(unknown);
        Objects.requireNonNull(serverTime, "serverTime");
    }
}
