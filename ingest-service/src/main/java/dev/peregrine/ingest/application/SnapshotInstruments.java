package dev.peregrine.ingest.application;

import dev.peregrine.common.value.Symbol;
import dev.peregrine.ingest.application.port.out.IngestMetrics;
import dev.peregrine.ingest.application.port.out.InstrumentLookup;
import dev.peregrine.ingest.application.port.out.InstrumentSnapshot;
import dev.peregrine.ingest.domain.ReplayFormat;
import dev.peregrine.ingest.domain.ReplayRun;
import dev.peregrine.ingest.domain.Series;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Before a replay, syncs the instruments it needs from an exchangeInfo snapshot through {@link InstrumentSync}:
 * stored, published on {@code market.instruments.v1} and marked published (nothing is published again when the
 * stored rules are the snapshot's). A kline file's run needs its series' symbol; a capture names its symbols only in
 * its messages, so its run syncs every symbol the snapshot lists.
 *
 * <p>A symbol the snapshot does not list is logged and counted, and the replay goes on without rules for it: they
 * are never invented. A snapshot that cannot be read, or rules that cannot be published, stop the run (FAILED, with
 * the reason) before any candle: the replay would otherwise publish candles whose rules consumers never get.
 */
public final class SnapshotInstruments implements ReplayInstruments {

    private static final Logger log = LoggerFactory.getLogger(SnapshotInstruments.class);

    private final InstrumentSnapshot snapshot;
    private final InstrumentSync sync;
    private final IngestMetrics metrics;

    /** @param sync an {@link InstrumentSync} reading {@code snapshot} */
    public SnapshotInstruments(InstrumentSnapshot snapshot, InstrumentSync sync, IngestMetrics metrics) {
        this.snapshot = Objects.requireNonNull(snapshot, "snapshot");
        this.sync = Objects.requireNonNull(sync, "sync");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
    }

    @Override
    public void beforeReplay(ReplayRun run) {
        InstrumentLookup lookup;
        try {
            List<Symbol> symbols = run.format() == ReplayFormat.WS_CAPTURE
                    ? snapshot.symbols()
                    : run.series().map(Series::symbol).map(List::of).orElseGet(List::of);
            if (symbols.isEmpty()) {
                return;
            }
            lookup = sync.refresh(symbols);
        } catch (RuntimeException e) {
            throw new IllegalStateException(
                    "the instruments could not be synced from the exchangeInfo snapshot "
                            + "before the replay, so no candle was published: " + e.getMessage(),
                    e);
        }
        for (Symbol missing : lookup.unknown()) {
            metrics.instrumentMissingFromSnapshot(missing);
            log.warn(
                    "The exchangeInfo snapshot {} does not list {}: replayed without its trading rules (none is "
                            + "invented; add the symbol to the snapshot to publish them)",
                    snapshot.location(),
                    missing);
        }
        log.info(
                "Instruments for replay run {} from the exchangeInfo snapshot {}: {} found, {} missing",
                run.id(),
                snapshot.location(),
                lookup.found().size(),
                lookup.unknown().size());
    }
}
