package dev.peregrine.common.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.peregrine.common.Topics;
import dev.peregrine.common.event.CandleClosed;
import dev.peregrine.common.event.CandleEvent;
import dev.peregrine.common.event.Envelope;
import dev.peregrine.common.json.GoldenSamples.Sample;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * An event from a newer schema than the consumer reads is refused with both versions named (the platform then
 * dead-letters it), never decoded and misread; a consumer may declare that it reads newer versions.
 */
class EventSchemaVersionTest {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final int NEXT = Envelope.CURRENT_SCHEMA_VERSION + 1;

    private final EventCodec codec = new EventCodec();

    static Stream<Sample> samples() {
        return GoldenSamples.all().stream();
    }

    private String edited(Sample sample, Consumer<ObjectNode> edit) {
        ObjectNode tree = (ObjectNode) MAPPER.readTree(codec.encode(sample.event()));
        edit.accept(tree);
        return MAPPER.writeValueAsString(tree);
    }

    private static Consumer<ObjectNode> version(int schemaVersion) {
        return tree -> ((ObjectNode) tree.get("envelope")).put("schemaVersion", schemaVersion);
    }

    private static Sample candleSample() {
        return GoldenSamples.all().stream()
                .filter(s -> s.event() instanceof CandleClosed)
                .findFirst()
                .orElseThrow();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void theCurrentVersionDecodesOnEveryTopic(Sample sample) {
        String json = edited(sample, version(Envelope.CURRENT_SCHEMA_VERSION));

        assertThat(codec.decodeFrom(sample.topic(), json)).isEqualTo(sample.event());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void aNewerVersionIsRefusedOnEveryTopicNamingBothVersions(Sample sample) {
        String json = edited(sample, version(NEXT));

        assertThatThrownBy(() -> codec.decodeFrom(sample.topic(), json))
                .isInstanceOfSatisfying(NewerSchemaVersionException.class, e -> {
                    assertThat(e.schemaVersion()).isEqualTo(NEXT);
                    assertThat(e.highestReadable()).isEqualTo(Envelope.CURRENT_SCHEMA_VERSION);
                })
                .hasMessageStartingWith(sample.typeName() + " has schemaVersion " + NEXT + ", newer than the "
                        + Envelope.CURRENT_SCHEMA_VERSION + " this consumer reads")
                .hasMessageContaining("Envelope.CURRENT_SCHEMA_VERSION " + Envelope.CURRENT_SCHEMA_VERSION);
    }

    @Test
    void aNewerVersionThatNoLongerFitsTheContractIsRefusedForItsVersionNotForTheField() {
        // A v2 producer renamed "close" and changed "trades" to text: the version is the reason worth reading.
        String json = edited(candleSample(), version(NEXT).andThen(tree -> {
            tree.set("closePrice", tree.remove("close"));
            tree.put("trades", "many");
        }));

        assertThatThrownBy(() -> codec.decodeFrom(Topics.MARKET_CANDLES, json))
                .isInstanceOf(NewerSchemaVersionException.class)
                .hasMessageStartingWith("CandleClosed has schemaVersion " + NEXT + ", newer than the")
                .hasMessageNotContaining("closePrice")
                .cause()
                .isNotNull();
    }

    @Test
    void theSameMisfitAtTheCurrentVersionNamesTheField() {
        String json = edited(candleSample(), tree -> tree.set("closePrice", tree.remove("close")));

        assertThatThrownBy(() -> codec.decodeFrom(Topics.MARKET_CANDLES, json))
                .isInstanceOf(EventDecodingException.class)
                .isNotInstanceOf(NewerSchemaVersionException.class)
                .hasMessageStartingWith("not a valid CandleEvent")
                .hasMessageContaining("'close'");
    }

    @Test
    void aVersionFarInTheFutureIsRefusedToo() {
        String json = edited(candleSample(), version(Integer.MAX_VALUE));

        assertThatThrownBy(() -> codec.decode(json, CandleEvent.class))
                .isInstanceOf(EventDecodingException.class)
                .hasMessageContaining("schemaVersion " + Integer.MAX_VALUE);
    }

    @Test
    void aConsumerThatDeclaresANewerVersionReadsItAndRefusesTheOneAfter() {
        EventCodec tolerant = EventCodec.readingSchemaVersionsUpTo(NEXT);
        CandleClosed expected = (CandleClosed) candleSample().event();

        CandleClosed decoded = (CandleClosed) tolerant.decodeFrom(
                Topics.MARKET_CANDLES,
                edited(candleSample(), version(NEXT).andThen(tree -> tree.put("addedInTheNewVersion", "x"))));

        assertThat(tolerant.highestSchemaVersion()).isEqualTo(NEXT);
        assertThat(decoded.envelope().schemaVersion()).isEqualTo(NEXT);
        assertThat(decoded.close()).isEqualTo(expected.close());
        assertThatThrownBy(() -> tolerant.decodeFrom(Topics.MARKET_CANDLES, edited(candleSample(), version(NEXT + 1))))
                .isInstanceOf(EventDecodingException.class)
                .hasMessageStartingWith("CandleClosed has schemaVersion " + (NEXT + 1) + ", newer than the " + NEXT);
    }

    @Test
    void theDefaultCodecReadsExactlyTheCurrentVersion() {
        assertThat(codec.highestSchemaVersion()).isEqualTo(Envelope.CURRENT_SCHEMA_VERSION);
    }

    @Test
    void noConsumerReadsLessThanTheVersionItWrites() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> EventCodec.readingSchemaVersionsUpTo(Envelope.CURRENT_SCHEMA_VERSION - 1))
                .withMessageContaining("at least schemaVersion " + Envelope.CURRENT_SCHEMA_VERSION);
    }

    @Test
    void aVersionBelowOneIsStillAnInvalidEnvelope() {
        String json = edited(candleSample(), version(0));

        assertThatThrownBy(() -> codec.decodeFrom(Topics.MARKET_CANDLES, json))
                .isInstanceOf(EventDecodingException.class)
                .hasMessageContaining("schemaVersion must be >= 1: 0");
    }
}
