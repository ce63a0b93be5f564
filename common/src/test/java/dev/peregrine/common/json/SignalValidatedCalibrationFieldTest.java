package dev.peregrine.common.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.peregrine.common.Topics;
import dev.peregrine.common.event.SignalValidated;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The calibration version is an additive change of {@code signals.validated.v1} like the ML fields: a record written
 * before it decodes with null (an uncalibrated confidence), and a blank version is refused.
 */
class SignalValidatedCalibrationFieldTest {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private final EventCodec codec = new EventCodec();

    @Test
    void aRecordWrittenBeforeCalibrationDecodesAsUncalibrated() {
        SignalValidated sample = GoldenSamples.signalValidated();
        assertThat(sample.calibrationVersion()).isEqualTo("isotonic-2026-12-07");
        ObjectNode tree = (ObjectNode) MAPPER.readTree(codec.encode(sample));
        tree.remove("calibrationVersion");

        SignalValidated decoded =
                (SignalValidated) codec.decodeFrom(Topics.SIGNALS_VALIDATED, MAPPER.writeValueAsString(tree));

        assertThat(decoded.calibrationVersion()).isNull();
        assertThat(decoded.modelVersion()).isEqualTo(sample.modelVersion());
    }

    @Test
    void theShortConstructorsLeaveTheConfidenceUncalibrated() {
        SignalValidated s = GoldenSamples.signalValidated();
        SignalValidated withoutCalibration = withCalibration(s, null);
        assertThat(withoutCalibration.calibrationVersion()).isNull();
        assertThat(codec.decodeFrom(Topics.SIGNALS_VALIDATED, codec.encode(withoutCalibration)))
                .isEqualTo(withoutCalibration);
        assertThatIllegalArgumentException()
                .isThrownBy(() -> withCalibration(s, " "))
                .withMessageContaining("calibrationVersion");
    }

    private static SignalValidated withCalibration(SignalValidated s, String version) {
        return new SignalValidated(
                s.envelope(),
                s.signalId(),
                s.strategyId(),
                s.symbol(),
                s.interval(),
                s.candleCloseTime(),
                s.side(),
                s.strength(),
                s.grade(),
                s.confidence(),
                s.sizeMultiplier(),
                s.action(),
                s.tradeable(),
                s.referencePrice(),
                s.stopPrice(),
                s.reasons(),
                s.regime(),
                s.mlProbability(),
                s.modelVersion(),
                version);
    }
}
