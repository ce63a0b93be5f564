package dev.peregrine.common.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.peregrine.common.Topics;
import dev.peregrine.common.event.SignalValidated;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The ML filter's two fields are an additive change of {@code signals.validated.v1} (docs/architecture.md, "Event
 * versions"): a record written before them decodes with both null, a record without a model carries both as null,
 * and the contract refuses a probability outside 0..1 or one without the model that gave it.
 */
class SignalValidatedMlFieldsTest {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private final EventCodec codec = new EventCodec();

    @Test
    void aRecordWrittenBeforeTheFilterDecodesWithoutAProbability() {
        SignalValidated sample = GoldenSamples.signalValidated();
        ObjectNode tree = (ObjectNode) MAPPER.readTree(codec.encode(sample));
        tree.remove("mlProbability");
        tree.remove("modelVersion");

        SignalValidated decoded =
                (SignalValidated) codec.decodeFrom(Topics.SIGNALS_VALIDATED, MAPPER.writeValueAsString(tree));

        assertThat(decoded.mlProbability()).isNull();
        assertThat(decoded.modelVersion()).isNull();
        assertThat(decoded.signalId()).isEqualTo(sample.signalId());
    }

    @Test
    void aSignalWithoutAModelTravelsWithBothFieldsNull() {
        SignalValidated sample = GoldenSamples.signalValidated();
        SignalValidated noModel = new SignalValidated(
                sample.envelope(),
                sample.signalId(),
                sample.strategyId(),
                sample.symbol(),
                sample.interval(),
                sample.candleCloseTime(),
                sample.side(),
                sample.strength(),
                sample.grade(),
                sample.confidence(),
                sample.sizeMultiplier(),
                sample.action(),
                sample.tradeable(),
                sample.referencePrice(),
                sample.stopPrice(),
                sample.reasons(),
                sample.regime());

        String json = codec.encode(noModel);

        assertThat(MAPPER.readTree(json).get("mlProbability").isNull()).isTrue();
        assertThat(codec.decodeFrom(Topics.SIGNALS_VALIDATED, json)).isEqualTo(noModel);
    }

    @Test
    void aProbabilityOutsideUnitOrWithoutItsModelIsRefused() {
        SignalValidated s = GoldenSamples.signalValidated();
        assertThatIllegalArgumentException()
                .isThrownBy(() -> withMl(s, 1.2, "m1"))
                .withMessageContaining("mlProbability");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> withMl(s, 0.7, null))
                .withMessageContaining("come together");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> withMl(s, null, "m1"))
                .withMessageContaining("come together");
        ObjectNode tree = (ObjectNode) MAPPER.readTree(codec.encode(s));
        tree.put("mlProbability", 1.5);
        assertThatThrownBy(() -> codec.decodeFrom(Topics.SIGNALS_VALIDATED, MAPPER.writeValueAsString(tree)))
                .isInstanceOf(EventDecodingException.class);
    }

    private static SignalValidated withMl(SignalValidated s, Double probability, String version) {
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
                probability,
                version);
    }
}
