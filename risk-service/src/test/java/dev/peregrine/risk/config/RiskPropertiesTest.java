package dev.peregrine.risk.config;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
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
        assertThat(VALIDATOR.validate(properties("10000", "0.01", Map.of()))).isEmpty();
    }

    @Test
    void tooMuchRiskPerTradeIsRefusedWithWhatToSet() {
        assertThat(messages(properties("10000", "0.2", Map.of())))
                .containsExactly("peregrine.risk.risk-per-trade must be at most 0.1 (10% of equity per trade); 0.01 is usual");
    }

    @Test
    void nonPositiveEquityIsRefused() {
        assertThat(messages(properties("0", "0.01", Map.of())))
                .containsExactly("peregrine.risk.equity must be positive, e.g. 10000");
    }

    @Test
    void symbolOverridesAreValidatedToo() {
        RiskProperties.SymbolFilters negativeStep = new RiskProperties.SymbolFilters(new BigDecimal("-1"), null, null);

        assertThat(messages(properties("10000", "0.01", Map.of("ETHUSDT", negativeStep))))
                .containsExactly("peregrine.risk.symbols.<SYMBOL>.step-size must be positive, e.g. 0.001");
        assertThat(messages(properties("10000", "0.01", Map.of("ETH/USDT",
                new RiskProperties.SymbolFilters(new BigDecimal("0.001"), null, null)))))
                .containsExactly("peregrine.risk.symbols keys must be exchange symbols of 2-20 upper case letters or "
                        + "digits, like BTCUSDT");
    }

    private static RiskProperties properties(String equity, String riskPerTrade,
                                             Map<String, RiskProperties.SymbolFilters> symbols) {
        return new RiskProperties(new BigDecimal(equity), "USDT", new BigDecimal(riskPerTrade), new BigDecimal("0.25"),
                new BigDecimal("0.00001"), new BigDecimal("10"), new BigDecimal("0.00001"), symbols);
    }

    private static List<String> messages(RiskProperties properties) {
        return VALIDATOR.validate(properties).stream().map(ConstraintViolation::getMessage).toList();
    }
}
