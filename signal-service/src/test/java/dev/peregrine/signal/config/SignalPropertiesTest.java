package dev.peregrine.signal.config;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class SignalPropertiesTest {

    private static final ValidatorFactory FACTORY = Validation.buildDefaultValidatorFactory();
    private final Validator validator = FACTORY.getValidator();

    @AfterAll
    static void close() {
        FACTORY.close();
    }

    private Set<String> messages(SignalProperties properties) {
        return validator.validate(properties).stream().map(ConstraintViolation::getMessage)
                .collect(Collectors.toSet());
    }

    @Test
    void theDefaultsAreValid() {
        assertThat(messages(new SignalProperties(new SignalProperties.EmaCrossover(9, 21, 14)))).isEmpty();
    }

    @Test
    void aFastPeriodNotShorterThanTheSlowOneIsRejectedWithWhatToFix() {
        assertThat(messages(new SignalProperties(new SignalProperties.EmaCrossover(21, 9, 14))))
                .containsExactly("peregrine.signal.ema-crossover.fast-period must be smaller than slow-period");
    }

    @Test
    void periodsOutOfRangeAndMissingSectionsAreRejected() {
        assertThat(messages(new SignalProperties(new SignalProperties.EmaCrossover(1, 21, 0))))
                .containsExactlyInAnyOrder("peregrine.signal.ema-crossover.fast-period must be at least 2 bars",
                        "peregrine.signal.ema-crossover.atr-period must be at least 2 bars");
        assertThat(messages(new SignalProperties(null)))
                .containsExactly("set peregrine.signal.ema-crossover.* (fast-period, slow-period, atr-period)");
    }
}
