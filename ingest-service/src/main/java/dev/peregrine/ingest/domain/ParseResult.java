package dev.peregrine.ingest.domain;

import java.util.Objects;

/** The outcome of parsing one kline line: a candle, or the reason it is not one. Never an exception. */
public sealed interface ParseResult {

    record Parsed(Candle candle) implements ParseResult {
        public Parsed {
            Objects.requireNonNull(candle, "candle");
        }
    }

    record Rejected(RejectionReason reason, String detail) implements ParseResult {
        public Rejected {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(detail, "detail");
        }
    }
}
