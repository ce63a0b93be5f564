package dev.peregrine.backtest.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigOverridesTest {

    enum Mode {
        STRICT,
        LENIENT
    }

    record Venue(BigDecimal feeRate, BigDecimal slippageBps) {
        Venue {
            if (feeRate.signum() < 0) {
                throw new IllegalArgumentException("fee rate must not be negative: " + feeRate);
            }
        }
    }

    record Risk(
            BigDecimal startingBalance,
            int maxOpenPositions,
            double riskFraction,
            boolean breakerEnabled,
            Duration cooldown,
            Mode mode) {}

    record Ramp(BigDecimal maxOrderNotional, int steps) {}

    record Limits(
            @jakarta.validation.constraints.DecimalMax(value = "0.1", message = "risk-per-trade must be at most 0.1")
            BigDecimal riskPerTrade,

            java.util.Map<String, BigDecimal> factors,
            Ramp ramp,
            java.util.List<String> names) {}

    record Config(Risk risk, Venue venue, String snapshot, Limits limits) {}

    private static final Config DEFAULTS = new Config(
            new Risk(new BigDecimal("10000"), 3, 0.01, true, Duration.ofHours(1), Mode.STRICT),
            new Venue(new BigDecimal("0.001"), new BigDecimal("5")),
            "classpath:x.json",
            new Limits(
                    new BigDecimal("0.01"),
                    java.util.Map.of("TRENDING_HIGH", new BigDecimal("0.5")),
                    null,
                    java.util.List.of()));

    private static Map<String, Object> yaml(String text) {
        return ConfigFile.parse(new StringReader(text), "my.yml");
    }

    @Test
    void overridesOnlyTheKeysTheFileNamesInKebabOrCamelCase() {
        Config config = RecordOverrides.apply(DEFAULTS, yaml("""
                risk:
                  starting-balance: 2500.50
                  maxOpenPositions: 5
                  cooldown: 15m
                  mode: lenient
                venue:
                  fee-rate: 0.00075
                """));

        assertThat(config.risk().startingBalance()).isEqualByComparingTo("2500.50");
        assertThat(config.risk().maxOpenPositions()).isEqualTo(5);
        assertThat(config.risk().cooldown()).isEqualTo(Duration.ofMinutes(15));
        assertThat(config.risk().mode()).isEqualTo(Mode.LENIENT);
        assertThat(config.risk().riskFraction()).isEqualTo(0.01);
        assertThat(config.risk().breakerEnabled()).isTrue();
        assertThat(config.venue().feeRate()).isEqualByComparingTo("0.00075");
        assertThat(config.venue().slippageBps()).isEqualByComparingTo("5");
        assertThat(config.snapshot()).isEqualTo("classpath:x.json");
        assertThat(RecordOverrides.apply(DEFAULTS, yaml(""))).isEqualTo(DEFAULTS);
    }

    @Test
    void mapsMergeOverTheDefaultsAndAnAbsentRecordIsBuiltFromTheFile() {
        Config config = RecordOverrides.apply(DEFAULTS, yaml("""
                limits:
                  factors:
                    RANGING_LOW: 0.25
                  ramp:
                    max-order-notional: 50
                """));

        assertThat(config.limits().factors()).containsOnlyKeys("TRENDING_HIGH", "RANGING_LOW");
        assertThat(config.limits().factors().get("RANGING_LOW")).isEqualByComparingTo("0.25");
        assertThat(config.limits().ramp()).isEqualTo(new Ramp(new BigDecimal("50"), 0));
        assertThatThrownBy(() -> RecordOverrides.apply(DEFAULTS, yaml("limits:\n  factors:\n    X: lots\n")))
                .hasMessage("configuration key limits.factors.X: 'lots' is not a valid BigDecimal");
    }

    @Test
    void declaredConstraintsAreCheckedWithTheirOwnMessages() {
        Config config = RecordOverrides.apply(DEFAULTS, yaml("limits:\n  risk-per-trade: 0.5\n"));

        assertThatThrownBy(() -> ConstraintCheck.valid(config))
                .isInstanceOf(UsageException.class)
                .hasMessage("configuration key limits.risk-per-trade refused: risk-per-trade must be at most 0.1");
        assertThat(ConstraintCheck.valid(DEFAULTS)).isSameAs(DEFAULTS);
    }

    @Test
    void unknownKeysAreRefusedByName() {
        assertThatThrownBy(() -> RecordOverrides.apply(DEFAULTS, yaml("risk:\n  max-open-positons: 4\n")))
                .isInstanceOf(UsageException.class)
                .hasMessage("unknown configuration key risk.max-open-positons (known under risk: starting-balance, "
                        + "max-open-positions, risk-fraction, breaker-enabled, cooldown, mode)");
        assertThatThrownBy(() -> RecordOverrides.apply(DEFAULTS, yaml("signals: {}\n")))
                .hasMessageStartingWith("unknown configuration key signals (known: risk, venue, snapshot, limits)");
    }

    @Test
    void wrongValuesAreRefusedByName() {
        assertThatThrownBy(() -> RecordOverrides.apply(DEFAULTS, yaml("risk:\n  max-open-positions: many\n")))
                .isInstanceOf(UsageException.class)
                .hasMessage("configuration key risk.max-open-positions: 'many' is not a valid int");
        assertThatThrownBy(() -> RecordOverrides.apply(DEFAULTS, yaml("risk:\n  breaker-enabled: maybe\n")))
                .hasMessage("configuration key risk.breaker-enabled: 'maybe' is not a valid boolean");
        assertThatThrownBy(() -> RecordOverrides.apply(DEFAULTS, yaml("risk:\n  mode: loose\n")))
                .hasMessage("configuration key risk.mode: 'loose' is not a valid value (one of [STRICT, LENIENT])");
        assertThatThrownBy(() -> RecordOverrides.apply(DEFAULTS, yaml("risk:\n  cooldown: soon\n")))
                .hasMessage("configuration key risk.cooldown: 'soon' is not a valid Duration");
        assertThatThrownBy(() -> RecordOverrides.apply(DEFAULTS, yaml("limits:\n  names: [a, b]\n")))
                .hasMessage("configuration key limits.names is a list, which the configuration file cannot set");
        assertThatThrownBy(() -> RecordOverrides.apply(DEFAULTS, yaml("risk: 5\n")))
                .hasMessage("configuration key risk takes a mapping of keys, not '5'");
        assertThatThrownBy(() -> RecordOverrides.apply(DEFAULTS, yaml("snapshot:\n  a: 1\n")))
                .hasMessage("configuration key snapshot takes a single value, not a mapping");
        assertThatThrownBy(() -> RecordOverrides.apply(DEFAULTS, yaml("venue:\n  fee-rate: -0.1\n")))
                .hasMessage("configuration venue refused: fee rate must not be negative: -0.1");
    }

    @Test
    void aFileThatIsNotAMappingOrNotYamlIsRefused() {
        assertThatThrownBy(() -> yaml("- a\n- b\n"))
                .isInstanceOf(UsageException.class)
                .hasMessage("configuration file my.yml must hold a mapping of keys, not ArrayList");
        assertThatThrownBy(() -> yaml("risk: [\n"))
                .isInstanceOf(UsageException.class)
                .hasMessageStartingWith("configuration file my.yml is not valid YAML");
        assertThatThrownBy(() -> yaml("a: 1\na: 2\n"))
                .isInstanceOf(UsageException.class)
                .hasMessageStartingWith("configuration file my.yml is not valid YAML");
    }
}
