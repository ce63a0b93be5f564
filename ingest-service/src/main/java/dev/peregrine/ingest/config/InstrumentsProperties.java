package dev.peregrine.ingest.config;

/**
 * {@code peregrine.ingest.instruments}: trading rules for replays (docs/ingest.md, "Instruments in replays"). The
 * live feed reads them from Binance's exchangeInfo instead, and then replays leave them alone.
 *
 * @param snapshot an exchangeInfo snapshot in Binance's own {@code GET /api/v3/exchangeInfo} format,
 *                 {@code classpath:<resource>} or a file path; each replay syncs its symbols from it before its
 *                 first candle. Empty: replays publish no instruments (env PEREGRINE_INGEST_INSTRUMENTS_SNAPSHOT)
 */
public record InstrumentsProperties(String snapshot) {

    /** Whether replays sync instruments from a snapshot. */
    public boolean snapshotGiven() {
        return snapshot != null && !snapshot.isBlank();
    }
}
