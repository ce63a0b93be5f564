package dev.peregrine.monitor.config;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MonitorPropertiesTest {

    private static final ValidatorFactory FACTORY = Validation.buildDefaultValidatorFactory();
    private final Validator validator = FACTORY.getValidator();

    @AfterAll
    static void close() {
        FACTORY.close();
    }

    @Test
    void acceptsLimitsFromOneToAThousand() {
        assertThat(validator.validate(new MonitorProperties(1))).isEmpty();
        assertThat(validator.validate(new MonitorProperties(1000))).isEmpty();
    }

    @Test
    void refusesLimitsOutsideThatRangeSayingWhatToSet() {
        assertThat(validator.validate(new MonitorProperties(0))).extracting(ConstraintViolation::getMessage)
                .singleElement().asString().contains("peregrine.monitor.recent-limit", "at least 1");
        assertThat(validator.validate(new MonitorProperties(1001))).extracting(ConstraintViolation::getMessage)
                .singleElement().asString().contains("peregrine.monitor.recent-limit", "at most 1000");
    }
}
