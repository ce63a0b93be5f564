package dev.peregrine.signal.domain.consensus;

import dev.peregrine.signal.domain.analyst.Stance;
import java.util.Objects;

/**
 * The arbiter's ruling on a debate.
 *
 * @param netConviction 0-1, see {@link Arbiter}
 * @param rationale     the numbers behind the ruling, for people
 */
public record Verdict(Decision decision, double netConviction, String rationale) {

    public enum Decision {
        BULLISH,
        BEARISH,
        HOLD
    }

    public Verdict {
        Objects.requireNonNull(decision, "decision");
        Objects.requireNonNull(rationale, "rationale");
        if (!(netConviction >= 0.0 && netConviction <= 1.0)) {
            throw new IllegalArgumentException("netConviction must be within 0..1: " + netConviction);
        }
    }

    /** Whether the ruling goes {@code side}'s way. */
    public boolean agreesWith(Stance side) {
        return side == Stance.BULLISH && decision == Decision.BULLISH
                || side == Stance.BEARISH && decision == Decision.BEARISH;
    }

    /** Whether the ruling goes against {@code side} (HOLD opposes nobody). */
    public boolean opposes(Stance side) {
        return side == Stance.BULLISH && decision == Decision.BEARISH
                || side == Stance.BEARISH && decision == Decision.BULLISH;
    }
}
