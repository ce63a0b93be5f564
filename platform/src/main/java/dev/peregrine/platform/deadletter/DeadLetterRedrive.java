package dev.peregrine.platform.deadletter;

import dev.peregrine.common.Topics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.KafkaHeaders;

/**
 * Reads the dead letters of one topic ({@code <topic>.dlt}) and re-publishes chosen ones to {@code <topic>}: the same
 * key and value, so the same event ids, which the consumers' deduplication on derived business ids makes safe to
 * deliver again, also to consumer groups that had processed the record. The dead-letter headers are dropped (should
 * the record fail again it is dead-lettered afresh) and three are added: where it came from
 * ({@value #SOURCE_HEADER}, {@code <dlt>-<partition>@<offset>}), who re-drove it ({@value #BY_HEADER}) and why
 * ({@value #REASON_HEADER}). Dead letters are never deleted or committed: the topic is only read, from explicit offsets.
 */
public class DeadLetterRedrive {

    public static final String SOURCE_HEADER = "peregrine_redrive-source";
    public static final String BY_HEADER = "peregrine_redrive-by";
    public static final String REASON_HEADER = "peregrine_redrive-reason";
    static final int MAX_REASON_LENGTH = 500;
    private static final int PREVIEW_LENGTH = 200;

    private static final Logger log = LoggerFactory.getLogger(DeadLetterRedrive.class);

    /**
     * Which dead letters: one partition of the dead-letter topic from {@code fromOffset} to {@code toOffset}
     * (inclusive; either open), or, without a partition, every partition from its beginning; at most {@code limit}.
     */
    public record Selection(Integer partition, Long fromOffset, Long toOffset, int limit) {

        public Selection {
            if (partition == null && (fromOffset != null || toOffset != null)) {
                throw new IllegalArgumentException("an offset range needs a partition of the dead-letter topic");
            }
            if (partition != null && partition < 0) {
                throw new IllegalArgumentException("partition must be >= 0: " + partition);
            }
            if (fromOffset != null && fromOffset < 0) {
                throw new IllegalArgumentException("fromOffset must be >= 0: " + fromOffset);
            }
            if (fromOffset != null && toOffset != null && toOffset < fromOffset) {
                throw new IllegalArgumentException("toOffset " + toOffset + " is before fromOffset " + fromOffset);
            }
            if (limit < 1) {
                throw new IllegalArgumentException("limit must be >= 1: " + limit);
            }
        }
    }

    /** One dead letter as an operator sees it. */
    public record DeadLetter(
            int partition,
            long offset,
            Instant timestamp,
            String key,
            String reason,
            String exception,
            String originalTopic,
            Integer originalPartition,
            Long originalOffset,
            String consumerGroup,
            int valueLength,
            String valuePreview) {}

    /**
     * What a call read: the dead letters in offset order per partition, the offset to continue from in each partition
     * read, and whether the selection was read to its end (false when the limit or the read timeout stopped it).
     */
    public record Listing(
            String topic,
            String deadLetterTopic,
            List<DeadLetter> deadLetters,
            Map<Integer, Long> nextOffsets,
            boolean complete) {}

    /** A dead letter left where it is, and why. */
    public record Skipped(int partition, long offset, String why) {}

    /** What a re-drive did; {@code nextOffsets} and {@code complete} as in {@link Listing}. */
    public record Result(
            String topic,
            String deadLetterTopic,
            int redriven,
            List<Skipped> skipped,
            Map<Integer, Long> nextOffsets,
            boolean complete,
            String by,
            String reason) {}

    private final Map<String, Object> consumerProperties;
    private final KafkaTemplate<String, String> kafkaTemplate;
    private final DeadLetterRedriveProperties properties;
    private final Duration sendTimeout;
    private final MeterRegistry meterRegistry;
    private final Set<String> topics;

    public DeadLetterRedrive(
            Map<String, Object> consumerProperties,
            KafkaTemplate<String, String> kafkaTemplate,
            DeadLetterRedriveProperties properties,
            Duration sendTimeout,
            MeterRegistry meterRegistry) {
        Map<String, Object> consumer = new HashMap<>(consumerProperties);
        // Read from explicit offsets only: no group, nothing committed, nothing taken from another reader.
        consumer.remove(ConsumerConfig.GROUP_ID_CONFIG);
        consumer.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
        consumer.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consumer.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        consumer.put(ConsumerConfig.CLIENT_ID_CONFIG, "peregrine-dead-letter-redrive");
        consumer.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, Math.min(500, properties.maxBatch()));
        this.consumerProperties = Map.copyOf(consumer);
        this.kafkaTemplate = kafkaTemplate;
        this.properties = properties;
        this.sendTimeout = sendTimeout;
        this.meterRegistry = meterRegistry;
        Set<String> known = new LinkedHashSet<>(Topics.ALL);
        known.addAll(properties.extraTopics());
        this.topics = Set.copyOf(known);
    }

    public int maxBatch() {
        return properties.maxBatch();
    }

    /** The dead letters of {@code topic} that {@code selection} names, with their reasons. */
    public Listing list(String topic, Selection selection) {
        Read read = read(topic, selection);
        return new Listing(
                topic,
                read.deadLetterTopic,
                read.records.stream().map(DeadLetterRedrive::describe).toList(),
                read.nextOffsets,
                read.complete);
    }

    /**
     * Re-publishes the dead letters {@code selection} names to {@code topic} and waits for the broker's
     * acknowledgement. A dead letter is skipped when its headers name another original topic, or when it is the second
     * dead letter of the same original record in this call (two consumer groups dead-lettered it; one copy reaches
     * both). Logged and counted ({@code peregrine_kafka_dead_letters_redriven_total{topic}}) with who and why.
     */
    public Result redrive(String topic, Selection selection, String by, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a re-drive needs a reason (what was fixed)");
        }
        if (reason.length() > MAX_REASON_LENGTH) {
            throw new IllegalArgumentException("reason is longer than " + MAX_REASON_LENGTH + " characters");
        }
        if (reason.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("reason must be one line of text without control characters");
        }
        Read read = read(topic, selection);
        List<Skipped> skipped = new ArrayList<>();
        List<CompletableFuture<?>> sends = new ArrayList<>();
        Set<String> originals = new HashSet<>();
        for (ConsumerRecord<String, String> record : read.records) {
            String originalTopic = text(record, KafkaHeaders.DLT_ORIGINAL_TOPIC);
            if (originalTopic != null && !originalTopic.equals(topic)) {
                skipped.add(new Skipped(record.partition(), record.offset(), "its original topic is " + originalTopic));
                continue;
            }
            Integer originalPartition = integer(record, KafkaHeaders.DLT_ORIGINAL_PARTITION);
            Long originalOffset = longValue(record, KafkaHeaders.DLT_ORIGINAL_OFFSET);
            if (originalPartition != null
                    && originalOffset != null
                    && !originals.add(originalPartition + "@" + originalOffset)) {
                skipped.add(new Skipped(
                        record.partition(),
                        record.offset(),
                        "another dead letter of the same record " + topic + "-" + originalPartition + "@"
                                + originalOffset + " was re-driven in this call"));
                continue;
            }
            sends.add(kafkaTemplate.send(republished(topic, record, by, reason)));
        }
        kafkaTemplate.flush();
        awaitAll(topic, sends);
        if (!sends.isEmpty()) {
            Counter.builder("peregrine.kafka.dead.letters.redriven")
                    .tag("topic", topic)
                    .description("Dead letters re-published to their original topic by an operator")
                    .register(meterRegistry)
                    .increment(sends.size());
        }
        log.warn(
                "Dead letters re-driven by {}: {} of {} from {} (selection {}, next {}, complete {}), {} skipped;"
                        + " reason: {}",
                by,
                sends.size(),
                topic,
                read.deadLetterTopic,
                selection,
                read.nextOffsets,
                read.complete,
                skipped.size(),
                reason);
        return new Result(
                topic, read.deadLetterTopic, sends.size(), skipped, read.nextOffsets, read.complete, by, reason);
    }

    private static ProducerRecord<String, String> republished(
            String topic, ConsumerRecord<String, String> record, String by, String reason) {
        RecordHeaders headers = new RecordHeaders();
        for (Header header : record.headers()) {
            if (!header.key().startsWith("kafka_dlt-") && !header.key().startsWith("peregrine_redrive-")) {
                headers.add(header);
            }
        }
        headers.add(
                SOURCE_HEADER,
                (record.topic() + "-" + record.partition() + "@" + record.offset()).getBytes(StandardCharsets.UTF_8));
        headers.add(BY_HEADER, by.getBytes(StandardCharsets.UTF_8));
        headers.add(REASON_HEADER, reason.getBytes(StandardCharsets.UTF_8));
        // The key decides the partition, as it did for the original: the record stays in order with its key's others.
        return new ProducerRecord<>(topic, null, record.key(), record.value(), headers);
    }

    private void awaitAll(String topic, List<CompletableFuture<?>> sends) {
        try {
            CompletableFuture.allOf(sends.toArray(CompletableFuture<?>[]::new))
                    .get(sendTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while re-driving dead letters to " + topic, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException(
                    "re-driving dead letters to " + topic + " failed; some may have been"
                            + " published (consumers deduplicate, so the call can be repeated): " + e.getMessage(),
                    e);
        }
    }

    private record Read(
            String deadLetterTopic,
            List<ConsumerRecord<String, String>> records,
            Map<Integer, Long> nextOffsets,
            boolean complete) {}

    private Read read(String topic, Selection selection) {
        if (!topics.contains(topic)) {
            throw new NoSuchElementException(
                    "no dead-letter topic for '" + topic + "'; known topics: " + new java.util.TreeSet<>(topics));
        }
        if (selection.limit() > properties.maxBatch()) {
            throw new IllegalArgumentException("limit " + selection.limit() + " is above the most one call handles ("
                    + properties.maxBatch() + ", peregrine.kafka.redrive.max-batch)");
        }
        String deadLetterTopic = Topics.deadLetterOf(topic);
        long deadline = System.nanoTime() + properties.readTimeout().toNanos();
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(consumerProperties, new StringDeserializer(), new StringDeserializer())) {
            List<PartitionInfo> infos = consumer.partitionsFor(deadLetterTopic, properties.readTimeout());
            List<TopicPartition> partitions = (infos == null ? List.<PartitionInfo>of() : infos)
                    .stream()
                            .map(info -> new TopicPartition(deadLetterTopic, info.partition()))
                            .filter(tp -> selection.partition() == null || tp.partition() == selection.partition())
                            .sorted(Comparator.comparingInt(TopicPartition::partition))
                            .toList();
            if (selection.partition() != null && partitions.isEmpty()) {
                throw new IllegalArgumentException(deadLetterTopic + " has no partition " + selection.partition());
            }
            consumer.assign(partitions);
            Map<TopicPartition, Long> beginning = consumer.beginningOffsets(partitions, properties.readTimeout());
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, properties.readTimeout());
            Map<TopicPartition, Long> stop = new HashMap<>();
            Map<Integer, Long> next = new TreeMap<>();
            for (TopicPartition tp : partitions) {
                long start = Math.max(beginning.get(tp), selection.fromOffset() == null ? 0 : selection.fromOffset());
                long until =
                        selection.toOffset() == null ? end.get(tp) : Math.min(end.get(tp), selection.toOffset() + 1);
                next.put(tp.partition(), start);
                if (start < until) {
                    consumer.seek(tp, start);
                    stop.put(tp, until);
                }
            }
            consumer.pause(
                    partitions.stream().filter(tp -> !stop.containsKey(tp)).toList());
            List<ConsumerRecord<String, String>> records = new ArrayList<>();
            boolean full = false;
            while (!stop.isEmpty() && !full && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    TopicPartition tp = new TopicPartition(record.topic(), record.partition());
                    Long until = stop.get(tp);
                    if (full || until == null || record.offset() >= until) {
                        continue;
                    }
                    records.add(record);
                    next.put(record.partition(), record.offset() + 1);
                    full = records.size() >= selection.limit();
                }
                // Transaction markers and compaction leave gaps: a partition is done once its position passes the stop.
                for (TopicPartition tp : List.copyOf(stop.keySet())) {
                    if (!full && consumer.position(tp) >= stop.get(tp)) {
                        next.put(tp.partition(), Math.max(next.get(tp.partition()), stop.get(tp)));
                        stop.remove(tp);
                        consumer.pause(List.of(tp));
                    }
                }
            }
            boolean complete = stop.isEmpty() || allReadTo(records, stop);
            records.sort(Comparator.<ConsumerRecord<String, String>>comparingInt(ConsumerRecord::partition)
                    .thenComparingLong(ConsumerRecord::offset));
            return new Read(deadLetterTopic, records, next, complete);
        }
    }

    /** Whether the limit was reached exactly at the end of every partition still open. */
    private static boolean allReadTo(List<ConsumerRecord<String, String>> records, Map<TopicPartition, Long> stop) {
        for (Map.Entry<TopicPartition, Long> open : stop.entrySet()) {
            boolean readToEnd = records.stream()
                    .anyMatch(r -> r.partition() == open.getKey().partition() && r.offset() + 1 >= open.getValue());
            if (!readToEnd) {
                return false;
            }
        }
        return true;
    }

    private static DeadLetter describe(ConsumerRecord<String, String> record) {
        String value = record.value();
        String cause = text(record, KafkaHeaders.DLT_EXCEPTION_CAUSE_FQCN);
        return new DeadLetter(
                record.partition(),
                record.offset(),
                Instant.ofEpochMilli(record.timestamp()),
                record.key(),
                text(record, KafkaHeaders.DLT_EXCEPTION_MESSAGE),
                cause != null ? cause : text(record, KafkaHeaders.DLT_EXCEPTION_FQCN),
                text(record, KafkaHeaders.DLT_ORIGINAL_TOPIC),
                integer(record, KafkaHeaders.DLT_ORIGINAL_PARTITION),
                longValue(record, KafkaHeaders.DLT_ORIGINAL_OFFSET),
                text(record, KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP),
                value == null ? 0 : value.length(),
                value == null
                        ? null
                        : value.length() <= PREVIEW_LENGTH ? value : value.substring(0, PREVIEW_LENGTH) + "...");
    }

    private static String text(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static Integer integer(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null || header.value().length != Integer.BYTES
                ? null
                : ByteBuffer.wrap(header.value()).getInt();
    }

    private static Long longValue(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null || header.value().length != Long.BYTES
                ? null
                : ByteBuffer.wrap(header.value()).getLong();
    }
}
