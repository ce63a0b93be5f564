package dev.peregrine.signal.config;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class SignalPropertiesTest {

    private static final ValidatorFactory FACTORY = Validation.buildDefaultValidatorFactory();
    private static final SignalProperties.Consensus CONSENSUS = new SignalProperties.Consensus(2, 0.25, 0.5);
    private static final SignalProperties.Arbiter ARBITER = new SignalProperties.Arbiter(0.25);
    private static final SignalProperties.Series SERIES =
            new SignalProperties.Series(5000, java.time.Duration.ofDays(3));
    private static final SignalProperties.Ml ML = new SignalProperties.Ml(0.60, java.time.Duration.ofSeconds(30));
    private final Validator validator = FACTORY.getValidator();

    @AfterAll
    static void close() {
        FACTORY.close();
    }

    private Set<String> messages(SignalProperties properties) {
        return validator.validate(properties).stream()
                .map(ConstraintViolation::getMessage)
                .collect(Collectors.toSet());
    }

    @Test
    void theDefaultsAreValid() {
        assertThat(messages(new SignalProperties(500, CONSENSUS, ARBITER, SERIES, ML)))
                .isEmpty();
    }

    @Test
    void tooFewRebuildBarsToWarmASeriesAreRejectedWithWhatToFix() {
        assertThat(messages(new SignalProperties(220, CONSENSUS, ARBITER, SERIES, ML)))
                .singleElement()
                .asString()
                .startsWith("peregrine.signal.rebuild-bars must be at least 221");
    }

    @Test
    void consensusAndArbiterOutOfRangeAndMissingSectionsAreRejected() {
        assertThat(messages(new SignalProperties(
                        500, new SignalProperties.Consensus(0, 0, 1.5), new SignalProperties.Arbiter(1.2), SERIES, ML)))
                .containsExactlyInAnyOrder(
                        "peregrine.signal.consensus.min-agreeing must be at least 1 analyst",
                        "peregrine.signal.consensus.conflict-threshold must be above 0",
                        "peregrine.signal.consensus.max-conflict-penalty must be at most 1",
                        "peregrine.signal.arbiter.conviction-threshold must be at most 1");
        assertThat(messages(new SignalProperties(500, null, null, null, null)))
                .containsExactlyInAnyOrder(
                        "set peregrine.signal.consensus.* (min-agreeing, conflict-threshold, max-conflict-penalty)",
                        "set peregrine.signal.arbiter.conviction-threshold",
                        "set peregrine.signal.series.* (max-series, idle-after)",
                        "set peregrine.signal.ml.* (threshold, poll-interval)");
    }

    @Test
    void anMlThresholdOutsideZeroToOneIsRejectedWithWhatToFix() {
        String fix = "peregrine.signal.ml.threshold is a probability: set it from 0 to 1 (default 0.60)";
        assertThat(messages(new SignalProperties(
                        500,
                        CONSENSUS,
                        ARBITER,
                        SERIES,
                        new SignalProperties.Ml(1.01, java.time.Duration.ofSeconds(30)))))
                .containsExactly(fix);
        assertThat(messages(new SignalProperties(
                        500,
                        CONSENSUS,
                        ARBITER,
                        SERIES,
                        new SignalProperties.Ml(-0.1, java.time.Duration.ofSeconds(30)))))
                .containsExactly(fix);
        assertThat(messages(new SignalProperties(500, CONSENSUS, ARBITER, SERIES, new SignalProperties.Ml(0, null))))
                .containsExactly("set peregrine.signal.ml.poll-interval, e.g. 30s");
        assertThat(messages(new SignalProperties(
                        500, CONSENSUS, ARBITER, SERIES, new SignalProperties.Ml(1, java.time.Duration.ofSeconds(30)))))
                .isEmpty();
    }

    @Test
    void seriesBoundsOutOfRangeAreRejectedWithWhatToFix() {
        assertThat(messages(new SignalProperties(500, CONSENSUS, ARBITER, new SignalProperties.Series(0, null), ML)))
                .containsExactlyInAnyOrder(
                        "peregrine.signal.series.max-series must be at least 1",
                        "set peregrine.signal.series.idle-after, e.g. 3d");
    }
}
