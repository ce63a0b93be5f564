package dev.peregrine.signal.domain.analyst;

/** Which way an analyst (or the debate) leans. */
public enum Stance {
    BULLISH,
    BEARISH,
    NEUTRAL;

    public Stance opposite() {
        return switch (this) {
            case BULLISH -> BEARISH;
            case BEARISH -> BULLISH;
            case NEUTRAL -> NEUTRAL;
        };
    }
}
