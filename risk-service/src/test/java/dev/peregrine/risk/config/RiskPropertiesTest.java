package dev.peregrine.risk.config;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class RiskPropertiesTest {

    private static final ValidatorFactory FACTORY = Validation.buildDefaultValidatorFactory();
    private static final Validator VALIDATOR = FACTORY.getValidator();

    @AfterAll
    static void close() {
        FACTORY.close();
    }

    @Test
    void theShippedDefaultsAreValid() {
        assertThat(VALIDATOR.validate(properties("10000", "0.01", "0.02"))).isEmpty();
    }

    @Test
    void tooMuchRiskPerTradeIsRefusedWithWhatToSet() {
        assertThat(messages(properties("10000", "0.2", "0.02")))
                .containsExactly("peregrine.risk.risk-per-trade must be at most 0.1; 0.01 is usual");
    }

    @Test
    void negativeStartingBalanceIsRefused() {
        assertThat(messages(properties("-1", "0.01", "0.02")))
                .containsExactly("peregrine.risk.starting-balance must not be negative, e.g. 10000");
    }

    @Test
    void breakerSettingsAreValidatedToo() {
        assertThat(messages(properties("10000", "0.01", "1.5")))
                .containsExactly("peregrine.risk.breaker.halt-loss must be at most 1");
    }

    @Test
    void stateBoundsAreValidatedWithWhatToSet() {
        assertThat(messages(properties("10000", "0.01", "0.02", new RiskProperties.State(0, Duration.ofDays(3), 1000))))
                .containsExactly("peregrine.risk.state.max-marks must be at least 1; the default is 2000");
        assertThat(messages(properties("10000", "0.01", "0.02", new RiskProperties.State(2000, Duration.ZERO, 1000))))
                .containsExactly("peregrine.risk.state.mark-idle-after must be positive, e.g. 3d (longer than the"
                        + " longest candle interval)");
        assertThat(messages(properties("10000", "0.01", "0.02", new RiskProperties.State(2000, Duration.ofDays(3), 1))))
                .containsExactly("peregrine.risk.state.max-correlation-symbols must be at least 2 (a pair); the default"
                        + " is 1000");
        assertThat(messages(properties("10000", "0.01", "0.02", null)))
                .containsExactly("set peregrine.risk.state.* (max-marks, mark-idle-after, max-correlation-symbols; see"
                        + " risk-service.yml)");
    }

    private static RiskProperties properties(String balance, String riskPerTrade, String haltLoss) {
        return properties(balance, riskPerTrade, haltLoss, new RiskProperties.State(2000, Duration.ofDays(3), 1000));
    }

    private static RiskProperties properties(
            String balance, String riskPerTrade, String haltLoss, RiskProperties.State state) {
        return new RiskProperties(
                "USDT",
                new BigDecimal(balance),
                false,
                new BigDecimal(riskPerTrade),
                new BigDecimal("0.05"),
                new BigDecimal("0.10"),
                new BigDecimal("0.25"),
                BigDecimal.ONE,
                10,
                20,
                new BigDecimal("0.005"),
                new BigDecimal("2"),
                Duration.ofDays(3),
                false,
                true,
                Map.of(),
                new RiskProperties.Breaker(
                        new BigDecimal("0.01"),
                        new BigDecimal(haltLoss),
                        new BigDecimal("0.5"),
                        null,
                        false,
                        new BigDecimal("0.10")),
                new RiskProperties.Correlation(30, 10, 0.7, Map.of()),
                null,
                state);
    }

    private static List<String> messages(RiskProperties properties) {
        return VALIDATOR.validate(properties).stream()
                .map(ConstraintViolation::getMessage)
                .toList();
    }
}
