package dev.peregrine.ingest.domain.quality;

import java.util.Locale;
import java.util.Objects;

/**
 * State a {@link QualityMonitor} dropped from memory to stay within its {@link StateLimits}.
 *
 * @param state  what was dropped
 * @param key    the series or symbol it belonged to
 * @param reason idle (the series or symbol went quiet) or capacity (more than the bound were held)
 */
public record Eviction(State state, String key, Reason reason) {

    public Eviction {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(reason, "reason");
    }

    public enum State {
        /** A series' previous candle, last update and price-jump returns; its last candle stays as a resume point. */
        SERIES,
        /** A symbol's recent trades. */
        TRADES,
        /** A dropped series' last candle: when the series returns its first candle is judged as a series' first. */
        RESUME_POINT;

        /** The metric's tag: {@code series}, {@code trades}, {@code resume-point}. */
        public String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    public enum Reason {
        IDLE,
        CAPACITY;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
