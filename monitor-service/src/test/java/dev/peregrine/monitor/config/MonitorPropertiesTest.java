package dev.peregrine.monitor.config;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

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
        assertThat(validator.validate(properties(1))).isEmpty();
        assertThat(validator.validate(properties(1000))).isEmpty();
    }

    @Test
    void refusesLimitsOutsideThatRangeSayingWhatToSet() {
        assertThat(validator.validate(properties(0))).extracting(ConstraintViolation::getMessage)
                .singleElement().asString().contains("peregrine.monitor.recent-limit", "at least 1");
        assertThat(validator.validate(properties(1001))).extracting(ConstraintViolation::getMessage)
                .singleElement().asString().contains("peregrine.monitor.recent-limit", "at most 1000");
    }

    @Test
    void refusesARetentionNoLongerThanTheLongestHorizonAndANegativeCost() {
        MonitorProperties.Outcomes shortRetention = new MonitorProperties.Outcomes(
                List.of(Duration.ofHours(1), Duration.ofHours(24)), new BigDecimal("0.002"), Duration.ofHours(24), "g");
        assertThat(validator.validate(new MonitorProperties(100, shortRetention))).extracting(ConstraintViolation::getMessage)
                .singleElement().asString().contains("peregrine.monitor.outcomes.candle-retention", "longest");
        MonitorProperties.Outcomes negativeCost = new MonitorProperties.Outcomes(
                List.of(Duration.ofHours(1)), new BigDecimal("-0.001"), Duration.ofHours(48), "g");
        assertThat(validator.validate(new MonitorProperties(100, negativeCost))).extracting(ConstraintViolation::getMessage)
                .singleElement().asString().contains("peregrine.monitor.outcomes.round-trip-cost");
        MonitorProperties.Outcomes noHorizon = new MonitorProperties.Outcomes(
                List.of(), new BigDecimal("0.002"), Duration.ofHours(48), "g");
        assertThat(validator.validate(new MonitorProperties(100, noHorizon))).extracting(ConstraintViolation::getMessage)
                .singleElement().asString().contains("peregrine.monitor.outcomes.horizons");
    }

    private static MonitorProperties properties(int recentLimit) {
        return new MonitorProperties(recentLimit, new MonitorProperties.Outcomes(
                List.of(Duration.ofHours(1), Duration.ofHours(4), Duration.ofHours(24)), new BigDecimal("0.002"),
                Duration.ofHours(48), "monitor-service-outcomes"));
    }
}
