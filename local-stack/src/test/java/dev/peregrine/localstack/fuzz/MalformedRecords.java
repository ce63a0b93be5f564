package dev.peregrine.localstack.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A seeded generator of records for one topic: mutations of common's golden JSON samples
 * ({@code common/src/test/resources/samples/<topic>/*.json}) that break the contract in one way each (see
 * {@link Kind}), with a few untouched samples (fresh event id) mixed in. The same seed gives the same records, so a
 * failure reproduces with {@code -Dperegrine.fuzz.seed=<the seed the test printed>}.
 */
final class MalformedRecords {

    /** What a generated record does to the contract. */
    enum Kind {
        VALID,
        INVALID_JSON,
        TRUNCATED,
        WRONG_TYPE,
        MISSING_FIELD,
        BAD_NUMBER,
        ABSURD_SCALE,
        UNKNOWN_EVENT_TYPE,
        FUTURE_SCHEMA_VERSION,
        UNKNOWN_SYMBOL,
        EMPTY_OR_NULL,
        OVERSIZED_STRING,
        BINARY_GARBAGE,
        CORRUPTED_PAYLOAD,
        OTHER_TOPICS_EVENT
    }

    /** One record to produce: its value may be null (a tombstone) and need not be UTF-8. */
    record Fuzzed(Kind kind, String key, byte[] value) {}

    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private static final List<String> BAD_NUMBERS = List.of(
            "NaN",
            "-NaN",
            "Infinity",
            "-Infinity",
            "+Infinity",
            "1e400",
            "-1e400",
            "1E+2147483647",
            "1e-400",
            "-1",
            "-0.00000001",
            "-27050.1",
            "0",
            "-0",
            "0x1F",
            "1,5",
            " 12 ",
            "",
            "12abc",
            "1.2.3",
            "--1",
            "9".repeat(25),
            "9".repeat(400),
            "1" + "0".repeat(5000),
            "179769313486231570000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
                    + "0000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
                    + "00000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
                    + "0000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000",
            "-9223372036854775809",
            "9223372036854775808",
            "2147483648");
    private static final List<String> ABSURD_SCALES = List.of(
            "1." + "0".repeat(19),
            "0." + "0".repeat(30) + "1",
            "1E-1000000",
            "1E+1000000",
            "0E-2147483647",
            "27050.1" + "1".repeat(300),
            "1e-19",
            "123456789012345678901.5",
            "0." + "9".repeat(5000));
    private static final List<String> UNKNOWN_TYPES = List.of(
            "CandleOpened",
            "candleclosed",
            "",
            " ",
            "PeregrineEvent",
            "java.lang.Object",
            "OrderFilled ",
            "\u0000",
            "Null",
            "null");
    private static final List<String> BAD_SYMBOLS = List.of(
            "NOSUCHUSDT",
            "btcusdt",
            "",
            " ",
            "BTC USDT",
            "BTC/USDT",
            "BTC-USDT",
            "\uD83D\uDCA5USDT",
            "A",
            "X".repeat(300),
            "BTCUSDT\u0000",
            "../../etc/passwd",
            "'; DROP TABLE x;--",
            "ZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZUSDT");
    private static final List<String> INVALID_JSON = List.of(
            "{",
            "}",
            "{{}",
            "{\"type\":",
            "{'type':'CandleClosed'}",
            "[1,2",
            "not json at all",
            "{\"type\":\"CandleClosed\",}",
            "{\"a\":1}{\"b\":2}",
            "{\"type\" \"x\"}",
            "\"unterminated",
            "{\"type\":\"CandleClosed\"}}",
            "<xml/>",
            "{\"type\":NaN}",
            "{\"envelope\":{\"eventId\":}",
            "\uFEFF{\"type\":\"CandleClosed\"",
            "/* comment */ {}",
            "{\"type\":\"CandleClosed\"} trailing",
            "tru",
            "{\"a\":\"\\uZZZZ\"}",
            "{\"a\":01}",
            "[".repeat(5000),
            "{\"a\":".repeat(2000));

    private final Random random;
    private final String topic;
    private final List<ObjectNode> samples;
    private final List<ObjectNode> otherTopicsSamples;

    private MalformedRecords(long seed, String topic, List<ObjectNode> samples, List<ObjectNode> otherTopicsSamples) {
        this.random = new Random(seed);
        this.topic = topic;
        this.samples = samples;
        this.otherTopicsSamples = otherTopicsSamples;
    }

    /**
     * A generator for {@code topic}, seeded with {@code seed} mixed with the topic's name so that every topic gets its
     * own sequence.
     */
    static MalformedRecords forTopic(long seed, String topic, Map<String, List<ObjectNode>> goldenSamples) {
        List<ObjectNode> own = goldenSamples.get(topic);
        if (own == null || own.isEmpty()) {
            throw new IllegalArgumentException("no golden sample for " + topic);
        }
        List<ObjectNode> others = goldenSamples.entrySet().stream()
                .filter(e -> !e.getKey().equals(topic))
                .flatMap(e -> e.getValue().stream())
                .toList();
        return new MalformedRecords(seed ^ topic.hashCode() * 0x9E3779B97F4A7C15L, topic, own, others);
    }

    /** common's golden samples, found from the working directory up (the build runs in a module directory). */
    static Path goldenSamplesDirectory() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path samples = dir.resolve("common/src/test/resources/samples");
            if (Files.isDirectory(samples)) {
                return samples;
            }
        }
        throw new IllegalStateException(
                "no common/src/test/resources/samples above " + Path.of("").toAbsolutePath());
    }

    /** Reads every golden sample below {@code samplesDirectory}, by topic (the directory's name). */
    static Map<String, List<ObjectNode>> readGoldenSamples(Path samplesDirectory) {
        Map<String, List<ObjectNode>> byTopic = new TreeMap<>();
        try (Stream<Path> files = Files.walk(samplesDirectory)) {
            for (Path file :
                    files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                String topic = file.getParent().getFileName().toString();
                JsonNode node = MAPPER.readTree(Files.readString(file, StandardCharsets.UTF_8));
                byTopic.computeIfAbsent(topic, t -> new ArrayList<>()).add((ObjectNode) node);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the golden samples under " + samplesDirectory, e);
        }
        return byTopic;
    }

    /** The next record; about one in twelve is a valid sample. */
    Fuzzed next() {
        Kind kind = pickKind();
        ObjectNode sample = freshCopy(samples.get(random.nextInt(samples.size())));
        String key = key(sample);
        return switch (kind) {
            case VALID -> json(kind, key, sample);
            case INVALID_JSON -> text(kind, key, pick(INVALID_JSON));
            case TRUNCATED -> {
                String full = sample.toString();
                yield text(kind, key, full.substring(0, 1 + random.nextInt(full.length() - 1)));
            }
            case WRONG_TYPE -> {
                Slot slot = pickSlot(sample, false);
                slot.set(wrongTypeFor(slot.get()));
                yield json(kind, key, sample);
            }
            case MISSING_FIELD -> {
                Slot slot = pickSlot(sample, true);
                slot.remove();
                yield json(kind, key, sample);
            }
            case BAD_NUMBER -> json(kind, key, replaceDecimal(sample, pick(BAD_NUMBERS)));
            case ABSURD_SCALE -> json(kind, key, replaceDecimal(sample, pick(ABSURD_SCALES)));
            case UNKNOWN_EVENT_TYPE -> {
                if (random.nextInt(4) == 0) {
                    sample.set("type", random.nextBoolean() ? NODES.nullNode() : NODES.numberNode(42));
                } else {
                    sample.put("type", pick(UNKNOWN_TYPES));
                }
                yield json(kind, key, sample);
            }
            case FUTURE_SCHEMA_VERSION -> {
                ObjectNode envelope = (ObjectNode) sample.get("envelope");
                int[] versions = {2, 3, 99, Integer.MAX_VALUE};
                envelope.put("schemaVersion", versions[random.nextInt(versions.length)]);
                if (random.nextBoolean()) {
                    sample.put("fieldFromTheFuture", "v2 " + random.nextInt());
                }
                yield json(kind, key, sample);
            }
            case UNKNOWN_SYMBOL -> {
                String symbol = pick(BAD_SYMBOLS);
                if (sample.has("symbol")) {
                    sample.put("symbol", symbol);
                } else {
                    sample.put(pickTextField(sample), symbol);
                }
                yield json(kind, symbol, sample);
            }
            case EMPTY_OR_NULL -> emptyOrNull(kind, key, sample);
            case OVERSIZED_STRING -> {
                String huge = "Z".repeat(10_000 + random.nextInt(110_000));
                if (random.nextInt(5) == 0) {
                    sample.put("padding", huge);
                } else {
                    sample.put(pickTextField(sample), huge);
                }
                yield json(kind, key, sample);
            }
            case BINARY_GARBAGE -> {
                byte[] bytes = new byte[1 + random.nextInt(2048)];
                random.nextBytes(bytes);
                if (random.nextBoolean()) {
                    bytes[0] = (byte) 0x1f; // gzip magic: looks compressed, is not
                    if (bytes.length > 1) {
                        bytes[1] = (byte) 0x8b;
                    }
                }
                yield new Fuzzed(kind, key, bytes);
            }
            case CORRUPTED_PAYLOAD -> {
                // The envelope stays valid; every payload field gets a random value of a random type.
                ObjectNode corrupted = NODES.objectNode();
                corrupted.set("type", sample.get("type"));
                corrupted.set("envelope", sample.get("envelope"));
                for (Map.Entry<String, JsonNode> field : sample.properties()) {
                    if (!field.getKey().equals("type") && !field.getKey().equals("envelope")) {
                        corrupted.set(field.getKey(), randomValue(2));
                    }
                }
                yield json(kind, key, corrupted);
            }
            case OTHER_TOPICS_EVENT -> {
                ObjectNode other = freshCopy(otherTopicsSamples.get(random.nextInt(otherTopicsSamples.size())));
                yield json(kind, key, other);
            }
        };
    }

    String topic() {
        return topic;
    }

    private Kind pickKind() {
        Kind[] kinds = Kind.values();
        if (random.nextInt(12) == 0) {
            return Kind.VALID;
        }
        Kind kind = kinds[1 + random.nextInt(kinds.length - 1)];
        // Oversized records are few: each is up to 120 KB on the broker and again on the dead-letter topic.
        if (kind == Kind.OVERSIZED_STRING && random.nextInt(4) != 0) {
            return Kind.WRONG_TYPE;
        }
        return kind;
    }

    private Fuzzed emptyOrNull(Kind kind, String key, ObjectNode sample) {
        return switch (random.nextInt(9)) {
            case 0 -> new Fuzzed(kind, key, null);
            case 1 -> text(kind, key, "");
            case 2 -> text(kind, key, "   \n\t");
            case 3 -> text(kind, key, "null");
            case 4 -> text(kind, key, "{}");
            case 5 -> text(kind, key, "[]");
            case 6 -> {
                Slot slot = pickSlot(sample, true);
                slot.set(NODES.nullNode());
                yield json(kind, key, sample);
            }
            case 7 -> {
                Slot slot = pickSlot(sample, true);
                slot.set(NODES.stringNode(""));
                yield json(kind, key, sample);
            }
            default -> {
                sample.set("envelope", random.nextBoolean() ? NODES.nullNode() : NODES.objectNode());
                yield json(kind, key, sample);
            }
        };
    }

    /** A fresh event id (correlation and causation too, as a root event), so no consumer takes it for a duplicate. */
    private ObjectNode freshCopy(ObjectNode sample) {
        ObjectNode copy = sample.deepCopy();
        if (copy.get("envelope") instanceof ObjectNode envelope) {
            String id = randomUuid().toString();
            envelope.put("eventId", id);
            envelope.put("correlationId", id);
            envelope.put("causationId", id);
        }
        return copy;
    }

    private UUID randomUuid() {
        long most = (random.nextLong() & ~0xF000L) | 0x4000L;
        long least = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(most, least);
    }

    private String key(ObjectNode sample) {
        int roll = random.nextInt(20);
        if (roll == 0) {
            return null;
        }
        if (roll == 1) {
            return "\u0000garbage-key-" + random.nextInt(1000);
        }
        for (String field : List.of("symbol", "strategyId", "venue")) {
            if (sample.get(field) instanceof JsonNode value && value.isString()) {
                return value.asString();
            }
        }
        return "account";
    }

    private ObjectNode replaceDecimal(ObjectNode sample, String value) {
        List<Slot> decimals = slots(sample, true).stream()
                .filter(s -> s.get().isString() && s.get().asString().matches("-?\\d+(\\.\\d+)?"))
                .toList();
        if (decimals.isEmpty()) {
            sample.put("price", value);
        } else {
            decimals.get(random.nextInt(decimals.size())).set(NODES.stringNode(value));
        }
        return sample;
    }

    private String pickTextField(ObjectNode sample) {
        List<String> text = new ArrayList<>();
        for (Map.Entry<String, JsonNode> field : sample.properties()) {
            if (field.getValue().isString() && !field.getKey().equals("type")) {
                text.add(field.getKey());
            }
        }
        return text.isEmpty() ? "type" : text.get(random.nextInt(text.size()));
    }

    private JsonNode wrongTypeFor(JsonNode current) {
        if (current.isString()) {
            return switch (random.nextInt(5)) {
                case 0 -> NODES.numberNode(random.nextInt());
                case 1 -> NODES.booleanNode(random.nextBoolean());
                case 2 -> NODES.arrayNode().add(current);
                case 3 -> NODES.objectNode().set("value", current);
                default -> NODES.numberNode(random.nextDouble() * 1e6);
            };
        }
        if (current.isNumber()) {
            return switch (random.nextInt(4)) {
                case 0 -> NODES.stringNode("twelve");
                case 1 -> NODES.booleanNode(true);
                case 2 -> NODES.numberNode(1.5e300);
                default -> NODES.objectNode();
            };
        }
        if (current.isBoolean()) {
            return random.nextBoolean() ? NODES.stringNode("maybe") : NODES.numberNode(2);
        }
        if (current.isArray()) {
            return random.nextBoolean() ? NODES.stringNode("[]") : NODES.objectNode();
        }
        if (current.isObject()) {
            return random.nextBoolean()
                    ? NODES.stringNode("{}")
                    : NODES.arrayNode().add(current);
        }
        return NODES.stringNode("was null");
    }

    private JsonNode randomValue(int depth) {
        return switch (random.nextInt(depth > 0 ? 8 : 6)) {
            case 0 -> NODES.nullNode();
            case 1 -> NODES.booleanNode(random.nextBoolean());
            case 2 -> NODES.numberNode(random.nextLong());
            case 3 -> NODES.numberNode(random.nextDouble() * Math.pow(10, random.nextInt(40) - 20));
            case 4 -> NODES.stringNode(randomText(random.nextInt(40)));
            case 5 -> NODES.stringNode(pick(BAD_NUMBERS));
            case 6 -> {
                ArrayNode array = NODES.arrayNode();
                for (int i = random.nextInt(4); i > 0; i--) {
                    array.add(randomValue(depth - 1));
                }
                yield array;
            }
            default -> {
                ObjectNode object = NODES.objectNode();
                for (int i = random.nextInt(4); i > 0; i--) {
                    object.set(randomText(1 + random.nextInt(8)), randomValue(depth - 1));
                }
                yield object;
            }
        };
    }

    private String randomText(int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            int roll = random.nextInt(10);
            text.appendCodePoint(
                    roll < 7
                            ? 0x20 + random.nextInt(0x5f)
                            : roll < 9 ? random.nextInt(0x20) : 0x80 + random.nextInt(0xD000));
        }
        return text.toString();
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    /** A field or array element somewhere in the tree, optionally below {@code type} and the envelope too. */
    private Slot pickSlot(ObjectNode root, boolean includeEnvelope) {
        List<Slot> all = slots(root, includeEnvelope);
        return all.get(random.nextInt(all.size()));
    }

    private static List<Slot> slots(ObjectNode root, boolean includeEnvelope) {
        List<Slot> slots = new ArrayList<>();
        collect(root, slots, true, includeEnvelope);
        return slots;
    }

    private static void collect(JsonNode node, List<Slot> slots, boolean top, boolean includeEnvelope) {
        if (node instanceof ObjectNode object) {
            for (String name : new ArrayList<>(object.propertyNames())) {
                if (top && !includeEnvelope && (name.equals("type") || name.equals("envelope"))) {
                    continue;
                }
                slots.add(new Slot(object, name, -1));
                collect(object.get(name), slots, false, includeEnvelope);
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                slots.add(new Slot(array, null, i));
                collect(array.get(i), slots, false, includeEnvelope);
            }
        }
    }

    private static Fuzzed json(Kind kind, String key, JsonNode node) {
        return new Fuzzed(kind, key, node.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static Fuzzed text(Kind kind, String key, String value) {
        return new Fuzzed(kind, key, value.getBytes(StandardCharsets.UTF_8));
    }

    /** A place in a JSON tree: a named field of an object or an element of an array. */
    private record Slot(JsonNode parent, String name, int index) {

        JsonNode get() {
            return name != null ? parent.get(name) : parent.get(index);
        }

        void set(JsonNode value) {
            if (name != null) {
                ((ObjectNode) parent).set(name, value);
            } else {
                ((ArrayNode) parent).set(index, value);
            }
        }

        void remove() {
            if (name != null) {
                ((ObjectNode) parent).remove(name);
            } else {
                ((ArrayNode) parent).remove(index);
            }
        }
    }
}
