package dev.peregrine.ingest.application.port.out;

import dev.peregrine.common.value.Symbol;
import java.util.List;

/** The exchange's trading rules per symbol ({@code GET /api/v3/exchangeInfo}). */
public interface InstrumentSource {

    /** @throws ExchangeUnavailableException when no answer could be had */
    InstrumentLookup lookup(List<Symbol> symbols);
}
