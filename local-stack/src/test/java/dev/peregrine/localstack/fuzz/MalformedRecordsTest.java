package dev.peregrine.localstack.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.peregrine.common.Topics;
import dev.peregrine.common.json.EventCodec;
import dev.peregrine.common.json.EventDecodingException;
import dev.peregrine.localstack.fuzz.MalformedRecords.Fuzzed;
import dev.peregrine.localstack.fuzz.MalformedRecords.Kind;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

class MalformedRecordsTest {

    private static final Map<String, List<ObjectNode>> GOLDEN =
            MalformedRecords.readGoldenSamples(MalformedRecords.goldenSamplesDirectory());
    private final EventCodec codec = new EventCodec();

    @Test
    void theSameSeedGivesTheSameRecords() {
        List<Fuzzed> first = take(MalformedRecords.forTopic(42, Topics.MARKET_CANDLES, GOLDEN), 500);
        List<Fuzzed> second = take(MalformedRecords.forTopic(42, Topics.MARKET_CANDLES, GOLDEN), 500);
        List<Fuzzed> other = take(MalformedRecords.forTopic(43, Topics.MARKET_CANDLES, GOLDEN), 500);
        assertThat(second).usingElementComparator(MalformedRecordsTest::compare).isEqualTo(first);
        assertThat(other).usingElementComparator(MalformedRecordsTest::compare).isNotEqualTo(first);
    }

    @Test
    void everyTopicGetsEveryKindAndTheValidOnesDecode() {
        for (String topic : Topics.ALL) {
            List<Fuzzed> records = take(MalformedRecords.forTopic(7, topic, GOLDEN), 2_000);
            Set<Kind> kinds = EnumSet.noneOf(Kind.class);
            records.forEach(r -> kinds.add(r.kind()));
            assertThat(kinds).as(topic).containsExactlyInAnyOrder(Kind.values());
            records.stream()
                    .filter(r -> r.kind() == Kind.VALID)
                    .forEach(r -> assertThat(codec.decodeFrom(topic, utf8(r)))
                            .as(topic)
                            .isNotNull());
        }
    }

    @Test
    void theBrokenKindsDoNotDecode() {
        Set<Kind> broken = EnumSet.of(
                Kind.INVALID_JSON,
                Kind.TRUNCATED,
                Kind.BINARY_GARBAGE,
                Kind.FUTURE_SCHEMA_VERSION,
                Kind.UNKNOWN_EVENT_TYPE,
                Kind.OTHER_TOPICS_EVENT);
        for (String topic : Topics.ALL) {
            take(MalformedRecords.forTopic(11, topic, GOLDEN), 2_000).stream()
                    .filter(r -> broken.contains(r.kind()))
                    .forEach(r -> assertThatThrownBy(() -> codec.decodeFrom(topic, utf8(r)))
                            .as("%s %s: %s", topic, r.kind(), r.value() == null ? null : utf8(r))
                            .isInstanceOf(EventDecodingException.class));
        }
    }

    private static String utf8(Fuzzed fuzzed) {
        return fuzzed.value() == null ? null : new String(fuzzed.value(), StandardCharsets.UTF_8);
    }

    private static int compare(Fuzzed a, Fuzzed b) {
        boolean equal = a.kind() == b.kind()
                && java.util.Objects.equals(a.key(), b.key())
                && java.util.Arrays.equals(a.value(), b.value());
        return equal ? 0 : 1;
    }

    private static List<Fuzzed> take(MalformedRecords records, int count) {
        List<Fuzzed> taken = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            taken.add(records.next());
        }
        return taken;
    }
}
