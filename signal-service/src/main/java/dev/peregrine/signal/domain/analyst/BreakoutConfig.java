package dev.peregrine.signal.domain.analyst;

/**
 * Thresholds of the {@link BreakoutAnalyst}.
 *
 * @param minVolumeZ     volume z-score the breakout bar needs, else the breakout is unconfirmed and the analyst
 *                       stays NEUTRAL; default 1.0 (one standard deviation above the recent mean volume)
 * @param fullVolumeZ    volume z-score at which the volume sub-score reaches 1; default 3.0
 * @param penetrationAtr distance beyond the broken level, in ATRs, at which the penetration sub-score reaches 1
 *                       (and below which a {@code *_SHALLOW_BREAK} argument speaks against); default 0.5
 */
public record BreakoutConfig(double minVolumeZ, double fullVolumeZ, double penetrationAtr) {

    public BreakoutConfig {
        if (!(Double.isFinite(minVolumeZ) && Double.isFinite(fullVolumeZ) && minVolumeZ < fullVolumeZ)) {
            throw new IllegalArgumentException(
                    "breakout needs minVolumeZ < fullVolumeZ: " + minVolumeZ + ", " + fullVolumeZ);
        }
        if (!(penetrationAtr > 0 && Double.isFinite(penetrationAtr))) {
            throw new IllegalArgumentException("breakout penetrationAtr must be positive: " + penetrationAtr);
        }
    }

    public static BreakoutConfig defaults() {
        return new BreakoutConfig(1.0, 3.0, 0.5);
    }
}
