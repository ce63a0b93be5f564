package dev.peregrine.risk.domain.portfolio;

import dev.peregrine.common.value.Symbol;
import java.util.Objects;

/** A mark the portfolio let go of, and why. */
public record DroppedMark(Symbol symbol, Mark mark, Why why) {

    public enum Why {
        /** Not updated for {@link MarkBounds#idleAfter()} of market time: the symbol stopped trading or left the feed. */
        IDLE,
        /** One more than {@link MarkBounds#maxMarks()}: the oldest went. */
        CAPACITY
    }

    public DroppedMark {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(mark, "mark");
        Objects.requireNonNull(why, "why");
    }
}
