package dev.peregrine.monitor.config.advice;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class AutoApplyPropertiesTest {

    private static final ValidatorFactory FACTORY = Validation.buildDefaultValidatorFactory();
    private final Validator validator = FACTORY.getValidator();

    @AfterAll
    static void close() {
        FACTORY.close();
    }

    @Test
    void defaultsCheckEveryQuarterHourAtFourHoursOverThirtyDays() {
        AutoApplyProperties defaults = new AutoApplyProperties(null, null, null, null);

        assertThat(validator.validate(defaults)).isEmpty();
        assertThat(defaults.checkInterval()).isEqualTo(Duration.ofMinutes(15));
        assertThat(defaults.tolerance()).isEqualTo(0.05);
        assertThat(defaults.horizon()).isEqualTo(Duration.ofHours(4));
        assertThat(defaults.lookback()).isEqualTo(Duration.ofDays(30));
        assertThat(validator.validate(new AutoApplyProperties(null, 0.0, null, Duration.ZERO)))
                .isEmpty();
    }

    @Test
    void badValuesAreRefusedSayingWhatToSet() {
        assertThat(messages(new AutoApplyProperties(Duration.ZERO, null, null, null)))
                .singleElement()
                .asString()
                .contains("auto-apply.check-interval");
        assertThat(messages(new AutoApplyProperties(null, 1.0, null, null)))
                .singleElement()
                .asString()
                .contains("auto-apply.tolerance");
        assertThat(messages(new AutoApplyProperties(null, -0.1, null, null)))
                .singleElement()
                .asString()
                .contains("auto-apply.tolerance");
        assertThat(messages(new AutoApplyProperties(null, null, Duration.ZERO, null)))
                .singleElement()
                .asString()
                .contains("auto-apply.horizon");
        assertThat(messages(new AutoApplyProperties(null, null, null, Duration.ofDays(-1))))
                .singleElement()
                .asString()
                .contains("auto-apply.lookback");
    }

    private java.util.List<String> messages(AutoApplyProperties properties) {
        return validator.validate(properties).stream()
                .map(ConstraintViolation::getMessage)
                .toList();
    }
}
