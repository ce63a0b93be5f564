package dev.peregrine.ingest.application;

import dev.peregrine.ingest.domain.MessageKind;
import dev.peregrine.ingest.domain.ReplayCounts;
import java.util.EnumMap;
import java.util.Map;

/** What one replay run has counted so far: lines read, candles published and skipped, lines rejected, messages. */
final class ReplayTally {

    private final long[] messages = new long[MessageKind.values().length];
    private long linesRead;
    /** Written by one thread per run: the replay thread when paced, the storing thread at speed 0. */
    private volatile long skipped;

    private long rejected;
    /** Candles acknowledged: written by the thread that publishes, read by the replay thread for its progress. */
    private volatile long published;

    void lineRead() {
        linesRead++;
    }

    long linesRead() {
        return linesRead;
    }

    @SuppressWarnings("NonAtomicOperationOnVolatileField") // one writer per run
    void skipped() {
        skipped++;
    }

    long skippedCount() {
        return skipped;
    }

    void rejected() {
        rejected++;
    }

    long rejectedCount() {
        return rejected;
    }

    void message(MessageKind kind) {
        messages[kind.ordinal()]++;
    }

    @SuppressWarnings("NonAtomicOperationOnVolatileField") // one writer per run
    void published(int candles) {
        published += candles;
    }

    long published() {
        return published;
    }

    ReplayCounts counts() {
        Map<MessageKind, Long> byKind = new EnumMap<>(MessageKind.class);
        for (MessageKind kind : MessageKind.values()) {
            if (messages[kind.ordinal()] > 0) {
                byKind.put(kind, messages[kind.ordinal()]);
            }
        }
        return new ReplayCounts(linesRead, published, skipped, rejected, byKind);
    }
}
