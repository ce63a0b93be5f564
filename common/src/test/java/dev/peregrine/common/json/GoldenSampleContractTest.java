package dev.peregrine.common.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.peregrine.common.Topics;
import dev.peregrine.common.event.PeregrineEvent;
import dev.peregrine.common.event.PortfolioEvent;
import dev.peregrine.common.event.PositionChanged;
import dev.peregrine.common.json.GoldenSamples.Sample;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The wire contract of every event type, pinned by golden JSON files under
 * {@code src/test/resources/samples/<topic>/<TypeName>.json}.
 *
 * <p>A golden file only changes on purpose: run once with {@code -Dperegrine.samples.write=true}
 * (e.g. {@code ./mvnw -pl common verify -Dperegrine.samples.write=true}), review the diff, and commit it.
 * Without that property the files are only read, never written.
 */
class GoldenSampleContractTest {

    static final String WRITE_PROPERTY = "peregrine.samples.write";

    /** Parses floats as BigDecimal, so {@code 0.80} and {@code 0.8} or a lost digit are told apart. */
    private static final JsonMapper TREE_MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private final EventCodec codec = new EventCodec();

    static Stream<Sample> samples() {
        return GoldenSamples.all().stream();
    }

    static Path samplesRoot() {
        String basedir = System.getProperty("basedir", System.getProperty("user.dir"));
        return Path.of(basedir, "src", "test", "resources", "samples");
    }

    private static Path goldenFile(Sample sample) {
        return samplesRoot().resolve(sample.relativePath());
    }

    private static String readGolden(Sample sample) throws IOException {
        Path file = goldenFile(sample);
        if (!Files.isRegularFile(file)) {
            fail("no golden sample " + file + " for " + sample.typeName() + "; create it with -D" + WRITE_PROPERTY
                    + "=true, review and commit it");
        }
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    /** Opt-in only: regenerates the golden files from {@link GoldenSamples}. */
    @BeforeAll
    static void writeGoldenFilesWhenAskedTo() throws IOException {
        if (!Boolean.getBoolean(WRITE_PROPERTY)) {
            return;
        }
        EventCodec codec = new EventCodec();
        for (Sample sample : GoldenSamples.all()) {
            JsonNode tree = TREE_MAPPER.readTree(codec.encode(sample.event()));
            Path file = goldenFile(sample);
            Files.createDirectories(file.getParent());
            Files.writeString(
                    file,
                    TREE_MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(tree) + "\n",
                    StandardCharsets.UTF_8);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void goldenFileDecodesToTheSample(Sample sample) throws IOException {
        PeregrineEvent decoded = codec.decodeFrom(sample.topic(), readGolden(sample));

        assertThat(decoded).isInstanceOf(sample.event().getClass()).isEqualTo(sample.event());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void sampleEncodesToTheGoldenFile(Sample sample) throws IOException {
        JsonNode expected = TREE_MAPPER.readTree(readGolden(sample));
        JsonNode actual = TREE_MAPPER.readTree(codec.encode(sample.event()));

        assertThat(actual)
                .as("encoding of %s differs from its golden file %s", sample.typeName(), goldenFile(sample))
                .isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void goldenFileNamesTheTypeAndCarriesEveryRecordComponent(Sample sample) throws IOException {
        JsonNode golden = TREE_MAPPER.readTree(readGolden(sample));

        assertThat(golden.path("type").asString()).isEqualTo(sample.typeName());
        Set<String> expectedFields = new TreeSet<>();
        expectedFields.add("type");
        Arrays.stream(sample.event().getClass().getRecordComponents())
                .map(RecordComponent::getName)
                .forEach(expectedFields::add);
        assertThat(new TreeSet<>(golden.propertyNames())).isEqualTo(expectedFields);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void sampleTravelsOnItsTopicWithTheDocumentedKey(Sample sample) {
        PeregrineEvent event = sample.event();
        assertThat(event).isInstanceOf(EventCodec.eventTypeOf(sample.topic()));

        // Topics javadoc: strategy id for strategy topics, subject for alerts, venue for accounts, "account" for
        // account-wide portfolio events, symbol for everything else.
        if (event instanceof PortfolioEvent && !(event instanceof PositionChanged)) {
            assertThat(event.key()).isEqualTo(PortfolioEvent.ACCOUNT_KEY);
            return;
        }
        String keyComponent = switch (sample.topic()) {
            case Topics.STRATEGY_COMMANDS, Topics.STRATEGY_EVENTS -> "strategyId";
            case Topics.ALERTS -> "subject";
            case Topics.EXECUTION_ACCOUNTS -> "venue";
            default -> "symbol";
        };
        assertThat(event.key()).isEqualTo(component(event, keyComponent));
    }

    private static String component(PeregrineEvent event, String name) {
        try {
            return event.getClass().getMethod(name).invoke(event).toString();
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(event.getClass().getSimpleName() + " has no " + name + "() to key it by", e);
        }
    }

    @Test
    void everyTopicHasAnEventContract() {
        assertThat(Topics.ALL).doesNotHaveDuplicates();
        for (String topic : Topics.ALL) {
            assertThat(EventCodec.eventTypeOf(topic))
                    .as("event type of %s", topic)
                    .isInterface();
            assertThat(EventCodec.eventTypeOf(topic).isSealed())
                    .as("%s carries a sealed interface", topic)
                    .isTrue();
        }
    }

    @Test
    void everyPermittedEventTypeHasAGoldenSample() {
        Set<String> sampled =
                GoldenSamples.all().stream().map(Sample::relativePath).collect(Collectors.toSet());
        List<String> missing = new ArrayList<>();
        for (String topic : Topics.ALL) {
            for (Class<?> permitted : EventCodec.eventTypeOf(topic).getPermittedSubclasses()) {
                String path = topic + "/" + permitted.getSimpleName() + ".json";
                if (!sampled.contains(path)
                        || !Files.isRegularFile(samplesRoot().resolve(path))) {
                    missing.add(path);
                }
            }
        }
        assertThat(missing)
                .as("event types without a golden sample (add one to GoldenSamples and write its file)")
                .isEmpty();
    }

    @Test
    void everySampleIsOfADistinctPermittedTypeOfItsTopic() {
        assertThat(GoldenSamples.all()).extracting(Sample::relativePath).doesNotHaveDuplicates();
        for (Sample sample : GoldenSamples.all()) {
            assertThat(EventCodec.eventTypeOf(sample.topic()).getPermittedSubclasses())
                    .as("types permitted on %s", sample.topic())
                    .contains(sample.event().getClass());
        }
    }

    @Test
    void noStaleGoldenFiles() throws IOException {
        Set<String> expected =
                GoldenSamples.all().stream().map(Sample::relativePath).collect(Collectors.toCollection(TreeSet::new));
        Set<String> present;
        try (Stream<Path> files = Files.walk(samplesRoot())) {
            present = files.filter(Files::isRegularFile)
                    .map(file -> samplesRoot().relativize(file).toString().replace('\\', '/'))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        assertThat(present).as("golden files under %s", samplesRoot()).isEqualTo(expected);
    }

    @Test
    void samplesAreFixedValuesNotFreshOnes() {
        Function<List<Sample>, List<String>> encodeAll =
                list -> list.stream().map(s -> codec.encode(s.event())).toList();

        assertThat(encodeAll.apply(GoldenSamples.all())).isEqualTo(encodeAll.apply(GoldenSamples.all()));
    }
}
