package dev.peregrine.signal.domain.consensus;

import java.util.Objects;

/**
 * Everything the panel concluded about one candle, stored with each of its signals: both cases, the
 * arbiter's verdict and the consensus. Plain data (records, lists, enums, numbers, strings), so it maps to
 * JSON as is.
 */
public record DebateRecord(BullCase bull, BearCase bear, Verdict verdict, ConsensusResult consensus) {

    public DebateRecord {
        Objects.requireNonNull(bull, "bull");
        Objects.requireNonNull(bear, "bear");
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(consensus, "consensus");
    }
}
