package dev.peregrine.signal.domain.consensus;

/**
 * Tuning of the {@link Arbiter}.
 *
 * @param convictionThreshold 0-1: below this net conviction the verdict is HOLD
 */
public record ArbiterConfig(double convictionThreshold) {

    /**
     * A quarter of the panel's weight, fully convinced, net of the other side and of the conflict penalty:
     * e.g. two of five equally weighted analysts at confidence 0.65 with nobody against (0.26).
     */
    public static final double DEFAULT_CONVICTION_THRESHOLD = 0.25;

    public ArbiterConfig {
        if (!(convictionThreshold > 0.0 && convictionThreshold <= 1.0)) {
            throw new IllegalArgumentException("convictionThreshold must be within (0, 1]: " + convictionThreshold);
        }
    }

    public static ArbiterConfig defaults() {
        return new ArbiterConfig(DEFAULT_CONVICTION_THRESHOLD);
    }
}
