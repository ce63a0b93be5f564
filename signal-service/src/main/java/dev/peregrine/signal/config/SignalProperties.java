package dev.peregrine.signal.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Configuration of signal-service ({@code peregrine.signal.*}); defaults in {@code signal-service.yml}.
 *
 * @param emaCrossover periods of the EMA crossover strategy
 */
@Validated
@ConfigurationProperties("peregrine.signal")
public record SignalProperties(
        @NotNull(message = "set peregrine.signal.ema-crossover.* (fast-period, slow-period, atr-period)")
        @Valid EmaCrossover emaCrossover) {

    /**
     * @param fastPeriod bars of the fast EMA
     * @param slowPeriod bars of the slow EMA; must be longer than the fast one
     * @param atrPeriod  bars of the Wilder ATR that scales separation, slope and stop distance
     */
    public record EmaCrossover(
            @Min(value = 2, message = "peregrine.signal.ema-crossover.fast-period must be at least 2 bars")
            @Max(value = 500, message = "peregrine.signal.ema-crossover.fast-period must be at most 500 bars")
            int fastPeriod,
            @Min(value = 3, message = "peregrine.signal.ema-crossover.slow-period must be at least 3 bars")
            @Max(value = 1000, message = "peregrine.signal.ema-crossover.slow-period must be at most 1000 bars")
            int slowPeriod,
            @Min(value = 2, message = "peregrine.signal.ema-crossover.atr-period must be at least 2 bars")
            @Max(value = 500, message = "peregrine.signal.ema-crossover.atr-period must be at most 500 bars")
            int atrPeriod) {

        @AssertTrue(message = "peregrine.signal.ema-crossover.fast-period must be smaller than slow-period")
        public boolean isFastShorterThanSlow() {
            return fastPeriod < slowPeriod;
        }
    }
}
