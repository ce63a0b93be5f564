package dev.peregrine.risk.config;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

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

    private static RiskProperties properties(String balance, String riskPerTrade, String haltLoss) {
        return new RiskProperties("USDT", new BigDecimal(balance), false, new BigDecimal(riskPerTrade),
                new BigDecimal("0.05"), new BigDecimal("0.10"), new BigDecimal("0.25"), BigDecimal.ONE, 10, 20,
                new BigDecimal("0.005"), new BigDecimal("2"), Duration.ofDays(3), false, true, Map.of(),
                new RiskProperties.Breaker(new BigDecimal("0.01"), new BigDecimal(haltLoss), new BigDecimal("0.5"), null,
                        false, new BigDecimal("0.10")),
                new RiskProperties.Correlation(30, 10, 0.7, Map.of()), null);
    }

    private static List<String> messages(RiskProperties properties) {
        return VALIDATOR.validate(properties).stream().map(ConstraintViolation::getMessage).toList();
    }
}
