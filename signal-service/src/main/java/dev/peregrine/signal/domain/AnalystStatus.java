package dev.peregrine.signal.domain;

/**
 * How the strategy registry sees one analyst when a candle is judged.
 *
 * @param runtimeWeight the registry's weight, 0-1: the operator's factor of the analyst's effective weight
 * @param paused        paused analysts are left out of the consensus; their signals are recorded, never traded
 */
public record AnalystStatus(double runtimeWeight, boolean paused) {

    /**
     * An analyst the registry does not know: without a recorded decision to trade it, it must not be traded nor
     * sway the others.
     */
    public static final AnalystStatus UNREGISTERED = new AnalystStatus(0.0, true);

    public AnalystStatus {
        if (!(runtimeWeight >= 0.0 && runtimeWeight <= 1.0)) {
            throw new IllegalArgumentException("runtime weight must be within 0..1: " + runtimeWeight);
        }
    }
}
