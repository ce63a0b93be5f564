package dev.peregrine.ingest.application.port.out;

import dev.peregrine.common.value.Symbol;
import java.util.List;

/**
 * Trading rules recorded once, for replays and backtests, which have no live exchange to ask: an exchangeInfo
 * snapshot. Read again at every call, so that a corrected file needs no restart.
 */
public interface InstrumentSnapshot extends InstrumentSource {

    /** Where the snapshot is read from, for messages. */
    String location();

    /**
     * Every symbol the snapshot lists, in its order. ({@link #lookup} names a symbol it does not list as unknown, and
     * throws {@link ExchangeUnavailableException} when the snapshot cannot be read.)
     *
     * @throws ExchangeUnavailableException when the snapshot cannot be read
     */
    List<Symbol> symbols();
}
