package dev.peregrine.signal.domain.pattern;

import java.util.Objects;

/**
 * The bar a recogniser checks for a breakout, with what the detector knows about it.
 *
 * @param index       the bar's position in the stream
 * @param volumeScore 0..1 from the bar's volume against the average of the preceding bars (0.5 when unknown)
 */
public record BarContext(long index, PatternBar bar, double volumeScore) {

    public BarContext {
        Objects.requireNonNull(bar, "bar");
        if (!(volumeScore >= 0 && volumeScore <= 1)) {
            throw new IllegalArgumentException("volume score must be within [0, 1]: " + volumeScore);
        }
    }
}
