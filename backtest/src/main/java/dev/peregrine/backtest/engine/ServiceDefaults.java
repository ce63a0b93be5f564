package dev.peregrine.backtest.engine;

import dev.peregrine.ingest.config.QualityProperties;
import dev.peregrine.ingest.domain.quality.QualitySettings;
import dev.peregrine.risk.config.RiskProperties;
import dev.peregrine.signal.application.SignalChainSettings;
import dev.peregrine.signal.config.SignalConfiguration;
import dev.peregrine.signal.config.SignalProperties;
import dev.peregrine.signal.config.StrengthPauseProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.PropertySourcesPlaceholdersResolver;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * The services' shipped configuration, read from their own YAML files on the classpath ({@code signal-service.yml},
 * {@code risk-service.yml}, {@code execution-service.yml}, {@code ingest-service.yml}) and bound the way Spring Boot
 * binds it, so the engine's defaults are the services' defaults by construction, never a copy of their numbers.
 * Environment overrides ({@code ${PEREGRINE_...:default}}) resolve to their defaults here.
 */
final class ServiceDefaults {

    private ServiceDefaults() {}

    static SignalChainSettings signal() {
        return SignalConfiguration.chainSettings(bind("signal-service.yml", "peregrine.signal", SignalProperties.class))
                .withStrengthPause(
                        bind("signal-service.yml", "peregrine.signal.strength-pause", StrengthPauseProperties.class)
                                .toRule());
    }

    static RiskProperties risk() {
        return bind("risk-service.yml", "peregrine.risk", RiskProperties.class);
    }

    static PaperVenueSettings paperVenue() {
        Binder binder = binder("execution-service.yml");
        BigDecimal feeRate = required(binder, "peregrine.execution.paper.fee-rate", BigDecimal.class);
        String feeAsset = required(binder, "peregrine.execution.paper.fee-asset", String.class);
        BigDecimal slippage = required(binder, "peregrine.execution.paper.slippage-bps", BigDecimal.class);
        BigDecimal maxNotional = required(binder, "peregrine.execution.max-order-notional", BigDecimal.class);
        return new PaperVenueSettings(feeRate, feeAsset, slippage, maxNotional);
    }

    static QualitySettings quality() {
        return bind("ingest-service.yml", "peregrine.ingest.quality", QualityProperties.class)
                .toSettings();
    }

    /** Where replays read their instruments' trading rules from ({@code peregrine.ingest.instruments.snapshot}). */
    static String instrumentsSnapshot() {
        return required(binder("ingest-service.yml"), "peregrine.ingest.instruments.snapshot", String.class);
    }

    private static <T> T bind(String file, String prefix, Class<T> type) {
        return required(binder(file), prefix, type);
    }

    private static <T> T required(Binder binder, String name, Class<T> type) {
        return binder.bind(name, type)
                .orElseThrow(() -> new IllegalStateException("the shipped configuration has no " + name));
    }

    private static Binder binder(String file) {
        try {
            List<PropertySource<?>> sources = new YamlPropertySourceLoader().load(file, new ClassPathResource(file));
            if (sources.isEmpty()) {
                throw new IllegalStateException(file + " is not on the classpath");
            }
            return new Binder(
                    ConfigurationPropertySources.from(sources), new PropertySourcesPlaceholdersResolver(sources));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
