package dev.peregrine.ingest.application.port.out;

import dev.peregrine.common.value.Symbol;
import dev.peregrine.ingest.domain.MessageKind;
import dev.peregrine.ingest.domain.RejectionReason;
import dev.peregrine.ingest.domain.Series;
import java.time.Duration;

/** What ingest counts. */
public interface IngestMetrics {

    /** A candle was published; {@code lag} runs from its close time to the broker's acknowledgement. */
    void candlePublished(Series series, Duration lag);

    void lineRejected(RejectionReason reason);

    /**
     * A quality incident under {@code rule} was reported: published and acknowledged, or, when it names no series
     * (a capture line that could not be read) and so cannot be published, recorded.
     */
    void incidentReported(String rule);

    /** A stream message of {@code kind} was read (capture replay, later the live stream). */
    void messageRead(MessageKind kind);

    /** A retention sweep deleted {@code rows} rows of {@code table} (counted even when 0). */
    void retentionDeleted(String table, long rows);

    /** A retention sweep of {@code table} failed; the next sweep tries again. */
    void retentionFailed(String table);

    /**
     * A feed's quality stage dropped {@code state} ({@code series}, {@code trades} or {@code resume-point}) from
     * memory for {@code reason} ({@code idle} or {@code capacity}) to stay within its bounds.
     */
    void qualityStateEvicted(String state, String reason);

    /** A replay needed the trading rules of {@code symbol}, which the exchangeInfo snapshot does not list. */
    void instrumentMissingFromSnapshot(Symbol symbol);
}
