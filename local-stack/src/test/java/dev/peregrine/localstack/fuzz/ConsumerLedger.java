package dev.peregrine.localstack.fuzz;

import dev.peregrine.common.Topics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.kafka.support.KafkaHeaders;

/**
 * Every {@code @KafkaListener} container of the running services, and what became of the records each one read:
 * processed (the listener returned: Spring Kafka's {@code spring.kafka.listener} timer, {@code result=success}) or
 * dead-lettered (a record on {@code <topic>.dlt} whose headers name this consumer group and an original offset
 * the consumer read).
 */
final class ConsumerLedger {

    /** signal-service's {@code CandleListener.RECORDS_PROCESSED}; the same name, not a dependency on its adapter. */
    static final String RECORDS_PROCESSED = "peregrine.listener.records.processed";

    /** One listener container: a consumer group reading one topic in one service. */
    record Consumer(
            String service,
            String listenerId,
            String group,
            String topic,
            MessageListenerContainer container,
            MeterRegistry meters) {

        String label() {
            return service + " " + group + " <- " + topic;
        }

        /**
         * Records the listener returned from. A batch listener (signal's candles) counts them itself in
         * {@value #RECORDS_PROCESSED}, because Spring Kafka's {@code spring.kafka.listener} timer counts its calls,
         * one per poll; a record listener's calls are its records.
         */
        long processed() {
            List<Counter> perRecord = meters.find(RECORDS_PROCESSED).counters().stream()
                    .filter(c -> belongsHere(c.getId().getTag("name")))
                    .toList();
            if (!perRecord.isEmpty()) {
                return perRecord.stream().mapToLong(c -> (long) c.count()).sum();
            }
            return meters.find("spring.kafka.listener").tag("result", "success").timers().stream()
                    .filter(t -> belongsHere(t.getId().getTag("name")))
                    .mapToLong(Timer::count)
                    .sum();
        }

        boolean hasProcessingTimer() {
            return meters.find("spring.kafka.listener").timers().stream()
                    .anyMatch(t -> belongsHere(t.getId().getTag("name")));
        }

        private boolean belongsHere(String name) {
            return name != null && (name.equals(listenerId) || name.startsWith(listenerId + "-"));
        }

        boolean running() {
            return container.isRunning() && container.isInExpectedState();
        }
    }

    /** The numbers of one consumer over the fuzz window. */
    record Account(
            Consumer consumer,
            long recordsIn,
            long processed,
            long deadLettered,
            long deadLettersWithoutReason,
            Map<String, Long> reasons,
            List<String> unexpected) {

        boolean balanced() {
            return recordsIn == processed + deadLettered;
        }
    }

    /** Where every consumer stood at one moment: the topics' end offsets and each consumer's processed count. */
    record Snapshot(Map<TopicPartition, Long> endOffsets, Map<String, Long> processed) {}

    private static final java.util.Set<String> DECODING_FAILURES =
            java.util.Set.of("EventDecodingException", "NewerSchemaVersionException");

    private final List<Consumer> consumers;
    private final String bootstrapServers;

    private ConsumerLedger(List<Consumer> consumers, String bootstrapServers) {
        this.consumers = consumers;
        this.bootstrapServers = bootstrapServers;
    }

    /** Finds every listener container in the given service contexts. */
    static ConsumerLedger of(Map<String, ConfigurableApplicationContext> services, String bootstrapServers) {
        List<Consumer> found = new ArrayList<>();
        services.forEach((service, context) -> {
            MeterRegistry meters = context.getBean(MeterRegistry.class);
            for (MessageListenerContainer container :
                    context.getBean(KafkaListenerEndpointRegistry.class).getListenerContainers()) {
                String[] topics = Objects.requireNonNull(
                        container.getContainerProperties().getTopics(),
                        () -> container.getListenerId() + " subscribes by pattern or partitions; not covered here");
                if (topics.length != 1) {
                    throw new IllegalStateException(container.getListenerId() + " reads " + topics.length
                            + " topics; this ledger counts per topic");
                }
                found.add(new Consumer(
                        service, container.getListenerId(), container.getGroupId(), topics[0], container, meters));
            }
        });
        found.sort(java.util.Comparator.comparing(Consumer::topic)
                .thenComparing(Consumer::service)
                .thenComparing(Consumer::group));
        return new ConsumerLedger(List.copyOf(found), bootstrapServers);
    }

    List<Consumer> consumers() {
        return consumers;
    }

    /** The topics some consumer reads, each once. */
    List<String> consumedTopics() {
        return consumers.stream().map(Consumer::topic).distinct().sorted().toList();
    }

    Snapshot snapshot(Admin admin) {
        Map<String, Long> processed = new TreeMap<>();
        consumers.forEach(c -> processed.put(c.listenerId(), c.processed()));
        return new Snapshot(endOffsets(admin), processed);
    }

    /**
     * What each consumer still has to read: end offset minus committed offset, summed over its topic's partitions. A
     * partition without a committed offset counts from {@code start} (the groups begin at the end of the log).
     */
    Map<Consumer, Long> lag(Admin admin, Snapshot start) {
        Map<TopicPartition, Long> ends = endOffsets(admin);
        Map<Consumer, Long> lag = new HashMap<>();
        for (Consumer consumer : consumers) {
            Map<TopicPartition, OffsetAndMetadata> committed = committed(admin, consumer.group());
            long total = 0;
            for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
                if (end.getKey().topic().equals(consumer.topic())) {
                    total += end.getValue() - position(committed, start, end.getKey());
                }
            }
            lag.put(consumer, total);
        }
        return lag;
    }

    /** Balances every consumer's books between {@code start} and now (every lag must be 0). */
    List<Account> accounts(Admin admin, Snapshot start) {
        List<Account> accounts = new ArrayList<>();
        Map<String, List<DeadLetter>> deadLetters = new HashMap<>();
        for (String topic : consumedTopics()) {
            deadLetters.put(topic, readDeadLetters(Topics.deadLetterOf(topic)));
        }
        for (Consumer consumer : consumers) {
            Map<TopicPartition, OffsetAndMetadata> committed = committed(admin, consumer.group());
            Map<TopicPartition, long[]> window = new HashMap<>();
            long in = 0;
            for (TopicPartition partition : start.endOffsets().keySet()) {
                if (partition.topic().equals(consumer.topic())) {
                    long from = start.endOffsets().get(partition);
                    long to = position(committed, start, partition);
                    window.put(partition, new long[] {from, to});
                    in += to - from;
                }
            }
            long dead = 0;
            long withoutReason = 0;
            Map<String, Long> reasons = new TreeMap<>();
            List<String> unexpected = new ArrayList<>();
            for (DeadLetter letter : deadLetters.get(consumer.topic())) {
                long[] range = window.get(new TopicPartition(consumer.topic(), letter.originalPartition()));
                if (consumer.group().equals(letter.group())
                        && range != null
                        && letter.originalOffset() >= range[0]
                        && letter.originalOffset() < range[1]) {
                    dead++;
                    String type = exceptionClass(letter.reason());
                    reasons.merge(type, 1L, Long::sum);
                    // Up to three reasons per consumer that are not the codec refusing the record, to show what else
                    // broke (such a record was retried before it was dead-lettered).
                    if (!DECODING_FAILURES.contains(type) && unexpected.size() < 3) {
                        unexpected.add(letter.reason());
                    }
                    if (!hasReason(letter.reason())) {
                        withoutReason++;
                    }
                }
            }
            long processed = consumer.processed() - start.processed().get(consumer.listenerId());
            accounts.add(new Account(consumer, in, processed, dead, withoutReason, reasons, unexpected));
        }
        return accounts;
    }

    private static long position(
            Map<TopicPartition, OffsetAndMetadata> committed, Snapshot start, TopicPartition partition) {
        OffsetAndMetadata offset = committed.get(partition);
        long begin = start.endOffsets().getOrDefault(partition, 0L);
        return offset == null ? begin : Math.max(offset.offset(), begin);
    }

    /** A dead letter as its headers describe it. */
    record DeadLetter(String group, int originalPartition, long originalOffset, String reason) {}

    private List<DeadLetter> readDeadLetters(String deadLetterTopic) {
        List<DeadLetter> letters = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrapServers,
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                        false,
                        ConsumerConfig.MAX_POLL_RECORDS_CONFIG,
                        2000),
                new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(deadLetterTopic, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            while (partitions.stream().anyMatch(p -> consumer.position(p, Duration.ofSeconds(30)) < ends.get(p))) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofSeconds(1))) {
                    letters.add(new DeadLetter(
                            text(record, KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP),
                            number(record, KafkaHeaders.DLT_ORIGINAL_PARTITION).intValue(),
                            number(record, KafkaHeaders.DLT_ORIGINAL_OFFSET).longValue(),
                            reason(record)));
                }
            }
        }
        return letters;
    }

    /**
     * The reason a dead letter carries: the class of the exception's cause (the listener's own exception, under Spring
     * Kafka's ListenerExecutionFailedException) or else of the exception, and the message; empty when neither header is
     * there.
     */
    private static String reason(ConsumerRecord<?, ?> record) {
        String cause = text(record, KafkaHeaders.DLT_EXCEPTION_CAUSE_FQCN);
        String exception = text(record, KafkaHeaders.DLT_EXCEPTION_FQCN);
        String message = text(record, KafkaHeaders.DLT_EXCEPTION_MESSAGE);
        // Spring Kafka's wrapper names the listener method first; what the listener said follows.
        int own = message.indexOf("threw exception; ");
        if (own >= 0) {
            message = message.substring(own + "threw exception; ".length());
        }
        String type = cause.isBlank() ? exception : cause;
        return type.isBlank() && message.isBlank() ? "" : type + ": " + message;
    }

    private static String text(ConsumerRecord<?, ?> record, String header) {
        Header value = record.headers().lastHeader(header);
        return value == null ? "" : new String(value.value(), StandardCharsets.UTF_8);
    }

    private static Number number(ConsumerRecord<?, ?> record, String header) {
        Header value = record.headers().lastHeader(header);
        if (value == null) {
            return -1;
        }
        byte[] bytes = value.value();
        return bytes.length == Integer.BYTES
                ? ByteBuffer.wrap(bytes).getInt()
                : ByteBuffer.wrap(bytes).getLong();
    }

    /** The simple name of the exception a dead letter's reason names. */
    private static String exceptionClass(String reason) {
        int colon = reason.indexOf(": ");
        String fqcn = colon < 0 ? reason : reason.substring(0, colon);
        return fqcn.substring(fqcn.lastIndexOf('.') + 1);
    }

    /** True when the dead letter's reason header is present: the exception class and its message. */
    static boolean hasReason(String reason) {
        return !reason.isBlank() && !reason.startsWith(": ");
    }

    private Map<TopicPartition, Long> endOffsets(Admin admin) {
        try {
            List<String> topics = consumedTopics();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            admin.describeTopics(topics)
                    .allTopicNames()
                    .get(30, TimeUnit.SECONDS)
                    .values()
                    .forEach(d -> d.partitions()
                            .forEach(
                                    p -> latest.put(new TopicPartition(d.name(), p.partition()), OffsetSpec.latest())));
            Map<TopicPartition, Long> ends = new TreeMap<>(java.util.Comparator.comparing(TopicPartition::toString));
            admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS).forEach((p, r) -> ends.put(p, r.offset()));
            return ends;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot read the topics' end offsets", e);
        }
    }

    private static Map<TopicPartition, OffsetAndMetadata> committed(Admin admin, String group) {
        try {
            Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata()
                    .get(30, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetAndMetadata> present = new HashMap<>();
            offsets.forEach((p, o) -> {
                if (o != null) {
                    present.put(p, o);
                }
            });
            return present;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot read the committed offsets of " + group, e);
        }
    }
}
