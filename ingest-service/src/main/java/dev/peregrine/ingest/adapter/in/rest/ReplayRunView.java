package dev.peregrine.ingest.adapter.in.rest;

import dev.peregrine.ingest.domain.ReplayRun;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A replay run as the API shows it.
 *
 * @param messages    messages read per kind (captures; empty for kline files)
 * @param requestedBy who started an OPERATOR run (the caller's token name); null for a configured run
 * @param cancelledBy who cancelled it; null when nobody did
 */
public record ReplayRunView(
        UUID id,
        String status,
        String file,
        String format,
        String source,
        String symbol,
        String interval,
        int speed,
        String trigger,
        Instant startedAt,
        Instant finishedAt,
        long linesRead,
        long candlesPublished,
        long candlesSkipped,
        long linesRejected,
        Map<String, Long> messages,
        String error,
        String requestedBy,
        String cancelledBy) {

    static ReplayRunView of(ReplayRun run) {
        Map<String, Long> messages = new LinkedHashMap<>();
        run.counts().messages().forEach((kind, count) -> messages.put(kind.name(), count));
        return new ReplayRunView(
                run.id(),
                run.status().name(),
                run.file(),
                run.format().code(),
                run.source(),
                run.series().map(s -> s.symbol().value()).orElse(null),
                run.series().map(s -> s.interval().code()).orElse(null),
                run.speed(),
                run.trigger().name(),
                run.startedAt(),
                run.finishedAt().orElse(null),
                run.counts().linesRead(),
                run.counts().candlesPublished(),
                run.counts().candlesSkipped(),
                run.counts().linesRejected(),
                messages,
                run.error().orElse(null),
                run.requestedBy().orElse(null),
                run.cancelledBy().orElse(null));
    }
}
