package dev.peregrine.signal.domain.pattern;

import java.time.Instant;
import java.util.Objects;

/**
 * A confirmed swing high or low.
 *
 * @param barIndex          position of the swing's bar in the stream fed to the detector (0 = first bar)
 * @param openTime          open time of the swing's bar
 * @param price             the bar's high for a {@link SwingType#HIGH}, its low for a {@link SwingType#LOW}
 * @param confirmedAtIndex  position of the bar on which the swing became known ({@code barIndex + window})
 */
public record SwingPoint(SwingType type, long barIndex, Instant openTime, double price, long confirmedAtIndex) {

    public SwingPoint {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(openTime, "openTime");
        if (confirmedAtIndex < barIndex) {
            throw new IllegalArgumentException(
                    "a swing cannot be confirmed before its own bar: " + confirmedAtIndex + " < " + barIndex);
        }
    }

    /** True when this swing is of the same type as {@code other} and strictly beyond it (higher high, lower low). */
    boolean isMoreExtremeThan(SwingPoint other) {
        return type == other.type && (type == SwingType.HIGH ? price > other.price : price < other.price);
    }
}
