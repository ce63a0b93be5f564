package dev.peregrine.ingest.domain.stream;

import dev.peregrine.common.value.Symbol;
import dev.peregrine.ingest.domain.RejectionReason;
import java.util.Optional;

/**
 * Reads the order book streams' payloads: {@code bookTicker}, {@code depthUpdate} (whose update ids must not run
 * backwards) and a book snapshot (whose symbol only its stream name can tell).
 */
final class BookPayloads {

    private BookPayloads() {}

    static StreamMessage.BookTicker bookTicker(PayloadFields data) {
        return new StreamMessage.BookTicker(
                data.symbol("s"),
                data.nonNegativeLong("u"),
                data.amount("b"),
                data.amount("B"),
                data.amount("a"),
                data.amount("A"));
    }

    static StreamMessage.DepthUpdate depthUpdate(PayloadFields data) {
        long first = data.nonNegativeLong("U");
        long last = data.nonNegativeLong("u");
        if (last < first) {
            throw new FieldRejection(
                    RejectionReason.BAD_VALUE, "final update id u " + last + " is before first update id U " + first);
        }
        return new StreamMessage.DepthUpdate(
                data.time("E"), data.symbol("s"), first, last, data.levels("b"), data.levels("a"));
    }

    static StreamMessage.DepthSnapshot depthSnapshot(PayloadFields data, Optional<Symbol> streamSymbol) {
        return new StreamMessage.DepthSnapshot(
                streamSymbol, data.nonNegativeLong("lastUpdateId"), data.levels("bids"), data.levels("asks"));
    }
}
