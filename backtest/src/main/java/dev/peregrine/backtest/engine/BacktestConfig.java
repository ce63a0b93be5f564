package dev.peregrine.backtest.engine;

import dev.peregrine.ingest.domain.quality.QualitySettings;
import dev.peregrine.risk.config.RiskProperties;
import dev.peregrine.signal.application.SignalChainSettings;
import java.util.Objects;

/**
 * Everything a backtest is configured by, each part in the type its service reads:
 * <ul>
 *   <li>{@code signal}: signal-service's chain settings ({@code peregrine.signal.consensus.*}, {@code .arbiter.*} and
 *       any added analysts);</li>
 *   <li>{@code risk}: risk-service's {@code peregrine.risk.*} (sizing, limits, breaker, exits, starting balance);</li>
 *   <li>{@code venue}: the paper venue's fees and slippage, and execution's order-notional safety check;</li>
 *   <li>{@code quality}: ingest's data-quality rules, which flag the candles signal-service then refuses to trade;</li>
 *   <li>{@code instrumentsSnapshot}: the exchangeInfo snapshot the instrument filters come from, as replays use it
 *       ({@code classpath:<resource>} or a file path).</li>
 * </ul>
 * {@link #serviceDefaults()} reads the services' own shipped YAML files, so a default backtest is configured exactly
 * as a freshly installed suite. Immutable; the {@code with...} methods return changed copies (the optimiser's way in).
 */
public record BacktestConfig(
        SignalChainSettings signal,
        RiskProperties risk,
        PaperVenueSettings venue,
        QualitySettings quality,
        String instrumentsSnapshot) {

    public BacktestConfig {
        Objects.requireNonNull(signal, "signal");
        Objects.requireNonNull(risk, "risk");
        Objects.requireNonNull(venue, "venue");
        Objects.requireNonNull(quality, "quality");
        Objects.requireNonNull(instrumentsSnapshot, "instrumentsSnapshot");
        if (risk.seedFromVenue()) {
            throw new IllegalArgumentException("a backtest's book starts with peregrine.risk.starting-balance: "
                    + "seed-from-venue must be false");
        }
    }

    /** The configuration of signal-, risk-, execution- and ingest-service as shipped. */
    public static BacktestConfig serviceDefaults() {
        return Defaults.VALUE;
    }

    public BacktestConfig withSignal(SignalChainSettings settings) {
        return new BacktestConfig(settings, risk, venue, quality, instrumentsSnapshot);
    }

    public BacktestConfig withRisk(RiskProperties settings) {
        return new BacktestConfig(signal, settings, venue, quality, instrumentsSnapshot);
    }

    public BacktestConfig withVenue(PaperVenueSettings settings) {
        return new BacktestConfig(signal, risk, settings, quality, instrumentsSnapshot);
    }

    public BacktestConfig withQuality(QualitySettings settings) {
        return new BacktestConfig(signal, risk, venue, settings, instrumentsSnapshot);
    }

    public BacktestConfig withInstrumentsSnapshot(String location) {
        return new BacktestConfig(signal, risk, venue, quality, location);
    }

    /** Read once: the files do not change while the JVM runs. */
    private static final class Defaults {
        static final BacktestConfig VALUE = new BacktestConfig(
                ServiceDefaults.signal(),
                ServiceDefaults.risk(),
                ServiceDefaults.paperVenue(),
                ServiceDefaults.quality(),
                ServiceDefaults.instrumentsSnapshot());
    }
}
