package dev.peregrine.monitor.config.report;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class ReportPropertiesTest {

    private static final ValidatorFactory FACTORY = Validation.buildDefaultValidatorFactory();
    private final Validator validator = FACTORY.getValidator();

    @AfterAll
    static void close() {
        FACTORY.close();
    }

    @Test
    void defaultsSendJustAfterMidnightUtcAtFourHours() {
        ReportProperties defaults = new ReportProperties(null, null, null, null, null);

        assertThat(validator.validate(defaults)).isEmpty();
        assertThat(defaults.horizon()).isEqualTo(Duration.ofHours(4));
        assertThat(defaults.dailyCron()).isEqualTo("0 5 0 * * *");
        assertThat(defaults.weeklyCron()).isEqualTo("0 10 0 * * MON");
        assertThat(defaults.send()).isTrue();
    }

    @Test
    void aBadCronOrHorizonIsRefusedSayingWhatToSet() {
        assertThat(validator.validate(new ReportProperties(null, null, null, "5 0 * * *", null)))
                .extracting(ConstraintViolation::getMessage)
                .singleElement()
                .asString()
                .contains("peregrine.monitor.reports.daily-cron");
        assertThat(validator.validate(new ReportProperties(Duration.ZERO, 0, null, null, "every monday")))
                .extracting(ConstraintViolation::getMessage)
                .hasSize(3);
    }
}
