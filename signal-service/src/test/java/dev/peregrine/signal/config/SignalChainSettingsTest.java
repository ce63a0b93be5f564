package dev.peregrine.signal.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.peregrine.common.event.StrategyState;
import dev.peregrine.signal.application.SignalChain;
import dev.peregrine.signal.application.SignalChainSettings;
import dev.peregrine.signal.application.StrategyRegistry;
import dev.peregrine.signal.domain.Strategy;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * The offline chain ({@link SignalChain#withServiceDefaults()}) is configured as a freshly installed service: the
 * settings of {@code signal-service.yml} and the strategies its migrations register.
 */
class SignalChainSettingsTest {

    /** signal-service.yml bound as the service binds it; what the {@code signalChain} bean is built from. */
    static SignalProperties shippedProperties() throws IOException {
        List<PropertySource<?>> sources =
                new YamlPropertySourceLoader().load("signal-service.yml", new ClassPathResource("signal-service.yml"));
        return new Binder(ConfigurationPropertySources.from(sources))
                .bind("peregrine.signal", SignalProperties.class)
                .orElseThrow(() -> new AssertionError("signal-service.yml has no peregrine.signal section"));
    }

    @Test
    void theServiceDefaultsAreTheSettingsOfTheShippedConfiguration() throws IOException {
        SignalProperties shipped = shippedProperties();

        assertThat(SignalConfiguration.chainSettings(shipped)).isEqualTo(SignalChainSettings.serviceDefaults());
        // and the mapping reads every key: another value in the file gives other settings
        SignalProperties other = new SignalProperties(
                shipped.rebuildBars(),
                new SignalProperties.Consensus(
                        3,
                        shipped.consensus().conflictThreshold(),
                        shipped.consensus().maxConflictPenalty()),
                shipped.arbiter(),
                shipped.series(),
                shipped.ml());
        assertThat(SignalConfiguration.chainSettings(other)).isNotEqualTo(SignalChainSettings.serviceDefaults());
        assertThat(SignalConfiguration.chainSettings(new SignalProperties(
                        500, shipped.consensus(), new SignalProperties.Arbiter(0.3), shipped.series(), shipped.ml())))
                .isNotEqualTo(SignalChainSettings.serviceDefaults());
    }

    @Test
    void theOfflineRegistryHoldsWhatTheMigrationsRegister() throws IOException {
        Map<String, String> registered = registeredByMigrations();
        StrategyRegistry offline = SignalChain.registeredAnalysts();

        assertThat(registered).isNotEmpty();
        assertThat(offline.all()).extracting(Strategy::id).containsExactlyInAnyOrderElementsOf(registered.keySet());
        for (Strategy strategy : offline.all()) {
            String[] stateAndWeight = registered.get(strategy.id()).split(" ");
            assertThat(strategy.state()).isEqualTo(StrategyState.valueOf(stateAndWeight[0]));
            assertThat(strategy.weight()).isEqualByComparingTo(new BigDecimal(stateAndWeight[1]));
        }
    }

    /**
     * The analysts V2 inserts into {@code signal.strategies} (id → "STATE weight"); V1's {@code ema-crossover} is
     * retired by V2, so the registry never loads it.
     */
    private static Map<String, String> registeredByMigrations() throws IOException {
        String sql;
        try (InputStream in = new ClassPathResource("db/migration/signal/V2__analyst_panel_debates_and_candles.sql")
                .getInputStream()) {
            sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        int insert = sql.indexOf("INSERT INTO signal.strategies");
        assertThat(insert).as("V2 registers the analysts").isNotNegative();
        String values = sql.substring(insert, sql.indexOf(';', insert));
        Matcher row = Pattern.compile("\\('([a-z-]+)', '([A-Z]+)', ([0-9.]+),").matcher(values);
        Map<String, String> registered = new LinkedHashMap<>();
        while (row.find()) {
            registered.put(row.group(1), row.group(2) + " " + row.group(3));
        }
        assertThat(sql).contains("retired_at = now()").contains("WHERE id = 'ema-crossover'");
        return registered;
    }
}
