package dev.peregrine.signal.domain.indicator;

/**
 * How unusual the current bar's volume is: {@code (volume - mean) / sd} over the last {@code period} volumes
 * including the current one, with the population standard deviation. A window of equal volumes gives 0.
 * Not in ta4j. Warm from the {@code period}-th bar. Not thread-safe.
 */
public final class VolumeZScore {

    private final RollingStats volumes;
    private double lastVolume = Double.NaN;

    public VolumeZScore(int period) {
        if (period < 2) {
            throw new IllegalArgumentException("volume z-score period must be at least 2: " + period);
        }
        this.volumes = new RollingStats(period);
    }

    public void update(double volume) {
        volumes.add(volume);
        lastVolume = volume;
    }

    public boolean isWarm() {
        return volumes.isFull();
    }

    public double value() {
        if (!isWarm()) {
            throw new IllegalStateException("volume z-score(" + volumes.capacity() + ") is warming up");
        }
        return volumes.hasNoDispersion() ? 0 : (lastVolume - volumes.mean()) / volumes.standardDeviation();
    }
}
