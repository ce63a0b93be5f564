package dev.peregrine.monitor.config;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

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
        assertThat(validator.validate(properties(0)))
                .extracting(ConstraintViolation::getMessage)
                .singleElement()
                .asString()
                .contains("peregrine.monitor.recent-limit", "at least 1");
        assertThat(validator.validate(properties(1001)))
                .extracting(ConstraintViolation::getMessage)
                .singleElement()
                .asString()
                .contains("peregrine.monitor.recent-limit", "at most 1000");
    }

    @Test
    void refusesARetentionNoLongerThanTheLongestHorizonAndANegativeCost() {
        MonitorProperties.Outcomes shortRetention = new MonitorProperties.Outcomes(
                List.of(Duration.ofHours(1), Duration.ofHours(24)),
                new BigDecimal("0.002"),
                Duration.ofHours(24),
                "g",
                Duration.ofHours(72),
                Duration.ofMinutes(10));
        assertThat(validator.validate(new MonitorProperties(100, shortRetention)))
                .extracting(ConstraintViolation::getMessage)
                .singleElement()
                .asString()
                .contains("peregrine.monitor.outcomes.candle-retention", "longest");
        MonitorProperties.Outcomes negativeCost = new MonitorProperties.Outcomes(
                List.of(Duration.ofHours(1)),
                new BigDecimal("-0.001"),
                Duration.ofHours(48),
                "g",
                Duration.ofHours(72),
                Duration.ofMinutes(10));
        assertThat(validator.validate(new MonitorProperties(100, negativeCost)))
                .extracting(ConstraintViolation::getMessage)
                .singleElement()
                .asString()
                .contains("peregrine.monitor.outcomes.round-trip-cost");
        MonitorProperties.Outcomes noHorizon = new MonitorProperties.Outcomes(
                List.of(),
                new BigDecimal("0.002"),
                Duration.ofHours(48),
                "g",
                Duration.ofHours(72),
                Duration.ofMinutes(10));
        assertThat(validator.validate(new MonitorProperties(100, noHorizon)))
                .extracting(ConstraintViolation::getMessage)
                .singleElement()
                .asString()
                .contains("peregrine.monitor.outcomes.horizons");
    }

    @Test
    void refusesADeadlineNoLongerThanTheLongestHorizonAndAMissingOne() {
        MonitorProperties.Outcomes shortDeadline = new MonitorProperties.Outcomes(
                List.of(Duration.ofHours(1), Duration.ofHours(24)),
                new BigDecimal("0.002"),
                Duration.ofHours(48),
                "g",
                Duration.ofHours(24),
                Duration.ofMinutes(10));
        assertThat(validator.validate(new MonitorProperties(100, shortDeadline)))
                .extracting(ConstraintViolation::getMessage)
                .singleElement()
                .asString()
                .contains("peregrine.monitor.outcomes.unmeasurable-after", "longest");
        MonitorProperties.Outcomes noDeadline = new MonitorProperties.Outcomes(
                List.of(Duration.ofHours(1)),
                new BigDecimal("0.002"),
                Duration.ofHours(48),
                "g",
                null,
                Duration.ofMinutes(10));
        assertThat(validator.validate(new MonitorProperties(100, noDeadline)))
                .extracting(ConstraintViolation::getMessage)
                .singleElement()
                .asString()
                .contains("PEREGRINE_MONITOR_OUTCOMES_UNMEASURABLE_AFTER");
        MonitorProperties.Outcomes zeroInterval = new MonitorProperties.Outcomes(
                List.of(Duration.ofHours(1)),
                new BigDecimal("0.002"),
                Duration.ofHours(48),
                "g",
                Duration.ofHours(3),
                Duration.ZERO);
        assertThat(validator.validate(new MonitorProperties(100, zeroInterval)))
                .extracting(ConstraintViolation::getMessage)
                .singleElement()
                .asString()
                .contains("unmeasurable-check-interval");
    }

    private static MonitorProperties properties(int recentLimit) {
        return new MonitorProperties(
                recentLimit,
                new MonitorProperties.Outcomes(
                        List.of(Duration.ofHours(1), Duration.ofHours(4), Duration.ofHours(24)),
                        new BigDecimal("0.002"),
                        Duration.ofHours(48),
                        "monitor-service-outcomes",
                        Duration.ofHours(72),
                        Duration.ofMinutes(10)));
    }
}
