package dev.peregrine.signal.config;

import dev.peregrine.signal.domain.LowStrengthPause;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The seed's "pause below an average strength of 50" ({@code peregrine.signal.strength-pause.*}, defaults in
 * {@code signal-service.yml}; docs/backtesting.md, "Low-strength pause"): a strategy whose last {@code window}
 * signals in a series averaged a strength below {@code threshold} has its next signal there SKIP
 * ({@code LOW_AVERAGE_STRENGTH}). Off by default (threshold 0), so nothing changes unless an operator, or a
 * walk-forward run's export, turns it on.
 *
 * @param window    signals the average is over
 * @param threshold 0 (off) or the average strength 1..100 below which a strategy is paused; the seed's is 50
 */
@Validated
@ConfigurationProperties("peregrine.signal.strength-pause")
public record StrengthPauseProperties(
        @Min(value = 1, message = "peregrine.signal.strength-pause.window must be at least 1 signal, e.g. 20")
        @Max(value = 1000, message = "peregrine.signal.strength-pause.window must be at most 1000 signals, e.g. 20")
        int window,

        @Min(
                value = 0,
                message = "peregrine.signal.strength-pause.threshold is 0 (off) or a strength 1..100, "
                        + "e.g. the seed's 50")
        @Max(
                value = 100,
                message = "peregrine.signal.strength-pause.threshold is 0 (off) or a strength 1..100, "
                        + "e.g. the seed's 50")
        int threshold) {

    public LowStrengthPause toRule() {
        return new LowStrengthPause(window, threshold);
    }
}
