package dev.peregrine.backtest.parity;

import dev.peregrine.common.Topics;
import dev.peregrine.common.event.PeregrineEvent;
import dev.peregrine.common.json.EventCodec;
import dev.peregrine.execution.ExecutionServiceApplication;
import dev.peregrine.risk.RiskServiceApplication;
import dev.peregrine.signal.SignalServiceApplication;
import dev.peregrine.testkit.InfrastructureEndpoints;
import dev.peregrine.testkit.ServiceArguments;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsSpec;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.logging.LoggingInitializationContext;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * signal-, risk- and execution-service in this JVM, each in its own application context with its shipped defaults
 * (paper venue, risk-service.yml's limits), on real Kafka and a PostgreSQL database of their own, and the means to
 * drive them one step at a time: publish an event as ingest would, pause and resume a service's candle consumer, and
 * wait until the whole chain is quiet (every consumer group at the end of every partition it reads, except the
 * paused ones). Each service publishes synchronously before it acknowledges its input, so a chain with no lag has
 * nothing left in flight.
 */
final class ServicesOverKafka implements AutoCloseable {

    static final String SIGNAL = "signal-service";
    static final String RISK = "risk-service";
    static final String EXECUTION = "execution-service";

    /** What each service's consumer group reads (its @KafkaListener topics). */
    private static final Map<String, List<String>> READS = Map.of(
            SIGNAL, List.of(Topics.MARKET_CANDLES, Topics.STRATEGY_COMMANDS),
            RISK,
                    List.of(
                            Topics.MARKET_CANDLES,
                            Topics.MARKET_INSTRUMENTS,
                            Topics.SIGNALS_VALIDATED,
                            Topics.EXECUTION_REPORTS,
                            Topics.EXECUTION_ACCOUNTS,
                            Topics.STRATEGY_EVENTS),
            EXECUTION, List.of(Topics.MARKET_CANDLES, Topics.ORDERS_INTENTS));

    private static final int PARTITIONS = 3;
    private static final Duration STEP_TIMEOUT = Duration.ofSeconds(60);

    private final Map<String, ConfigurableApplicationContext> running = new HashMap<>();
    private final Set<String> pausedCandleReaders = new HashSet<>();
    private final EventCodec codec = new EventCodec();
    private final Admin admin;
    private final KafkaProducer<String, String> producer;
    private final Map<TopicPartition, List<String>> readersOf = new HashMap<>();

    private ServicesOverKafka(String bootstrapServers) {
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
        producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(),
                new StringSerializer());
        READS.forEach((group, topics) -> topics.forEach(topic -> {
            for (int p = 0; p < PARTITIONS; p++) {
                readersOf
                        .computeIfAbsent(new TopicPartition(topic, p), tp -> new ArrayList<>())
                        .add(group);
            }
        }));
    }

    /**
     * Starts the three services against {@code infra}'s broker and the database at {@code jdbcUrl}. Their consumers
     * poll every 20 ms, so a pause or a resume takes effect at once.
     */
    static ServicesOverKafka start(InfrastructureEndpoints infra, String jdbcUrl) {
        ServicesOverKafka suite = new ServicesOverKafka(infra.kafkaBootstrapServers());
        // Logging is set up once, before the services: three starting at once would each add a console appender.
        LoggingSystem logging = LoggingSystem.get(ServicesOverKafka.class.getClassLoader());
        logging.beforeInitialize();
        logging.initialize(new LoggingInitializationContext(new StandardEnvironment()), null, null);
        // Side by side: each waits mostly for its own database migrations and broker connections.
        Map<String, Supplier<SpringApplicationBuilder>> builders = Map.of(
                SIGNAL,
                SignalServiceApplication::builder,
                RISK,
                RiskServiceApplication::builder,
                EXECUTION,
                ExecutionServiceApplication::builder);
        Map<String, java.util.concurrent.Future<ConfigurableApplicationContext>> starting = new HashMap<>();
        try (java.util.concurrent.ExecutorService executor = java.util.concurrent.Executors.newFixedThreadPool(3)) {
            builders.forEach(
                    (name, builder) -> starting.put(name, executor.submit(() -> start(builder, infra, jdbcUrl))));
        }
        RuntimeException failed = null;
        for (Map.Entry<String, java.util.concurrent.Future<ConfigurableApplicationContext>> one : starting.entrySet()) {
            try {
                suite.running.put(one.getKey(), one.getValue().get());
            } catch (ExecutionException | InterruptedException e) {
                failed = failed == null ? new IllegalStateException(one.getKey() + " did not start", e) : failed;
            }
        }
        if (failed != null) {
            suite.close();
            throw failed;
        }
        return suite;
    }

    private static ConfigurableApplicationContext start(
            Supplier<SpringApplicationBuilder> builder, InfrastructureEndpoints infra, String jdbcUrl) {
        List<String> arguments = ServiceArguments.inTest(infra, jdbcUrl);
        arguments.add("--spring.kafka.listener.poll-timeout=20ms");
        arguments.add("--logging.level.root=WARN");
        return builder.get().registerShutdownHook(false).run(arguments.toArray(String[]::new));
    }

    /** Publishes {@code event} on {@code topic} as ingest does (its key, the codec's JSON), waiting for the broker. */
    void publish(String topic, PeregrineEvent event) {
        try {
            producer.send(new ProducerRecord<>(topic, event.key(), codec.encode(event)))
                    .get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not publish on " + topic, e.getCause());
        }
    }

    /** Publishes {@code events} in their order, waiting for the broker once, after the last. */
    void publishAll(String topic, List<? extends PeregrineEvent> events) {
        List<java.util.concurrent.Future<?>> sent = new ArrayList<>(events.size());
        for (PeregrineEvent event : events) {
            sent.add(producer.send(new ProducerRecord<>(topic, event.key(), codec.encode(event))));
        }
        producer.flush();
        for (java.util.concurrent.Future<?> one : sent) {
            try {
                one.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while publishing", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("could not publish on " + topic, e.getCause());
            }
        }
    }

    /** Pauses the services' consumers of {@code market.candles.v1} and waits until none of them polls it. */
    void pauseCandles(String... services) {
        if (services.length == 0) {
            return;
        }
        List<MessageListenerContainer> readers =
                Arrays.stream(services).flatMap(s -> candleReaders(s).stream()).toList();
        readers.forEach(MessageListenerContainer::pause);
        Awaitility.await()
                .atMost(STEP_TIMEOUT)
                .pollInterval(Duration.ofMillis(5))
                .until(() -> readers.stream().allMatch(MessageListenerContainer::isContainerPaused));
        pausedCandleReaders.addAll(List.of(services));
    }

    void resumeCandles(String service) {
        pausedCandleReaders.remove(service);
        candleReaders(service).forEach(MessageListenerContainer::resume);
    }

    /** Waits until every consumer group has read every partition it reads to its end, paused candle readers aside. */
    void awaitQuiet() {
        // A topic no service has created yet fails the query: asked again at the next poll.
        Awaitility.await()
                .atMost(STEP_TIMEOUT)
                .pollInterval(Duration.ofMillis(10))
                .pollDelay(Duration.ZERO)
                .ignoreExceptions()
                .until(() -> lag() == 0);
    }

    private long lag() throws ExecutionException, InterruptedException {
        Map<String, ListConsumerGroupOffsetsSpec> specs = new HashMap<>();
        READS.keySet().forEach(group -> specs.put(group, new ListConsumerGroupOffsetsSpec()));
        // Committed offsets first, the ends second: whatever is produced in between shows as lag.
        Map<String, Map<TopicPartition, OffsetAndMetadata>> committed =
                admin.listConsumerGroupOffsets(specs).all().get();
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        readersOf.keySet().forEach(tp -> latest.put(tp, OffsetSpec.latest()));
        Map<TopicPartition, Long> ends = new HashMap<>();
        admin.listOffsets(latest).all().get().forEach((tp, info) -> ends.put(tp, info.offset()));
        long lag = 0;
        for (Map.Entry<TopicPartition, List<String>> partition : readersOf.entrySet()) {
            TopicPartition tp = partition.getKey();
            for (String group : partition.getValue()) {
                if (tp.topic().equals(Topics.MARKET_CANDLES) && pausedCandleReaders.contains(group)) {
                    continue;
                }
                OffsetAndMetadata offset =
                        committed.getOrDefault(group, Map.of()).get(tp);
                lag += Math.max(0, ends.getOrDefault(tp, 0L) - (offset == null ? 0 : offset.offset()));
            }
        }
        return lag;
    }

    private List<MessageListenerContainer> candleReaders(String service) {
        KafkaListenerEndpointRegistry registry = running.get(service).getBean(KafkaListenerEndpointRegistry.class);
        List<MessageListenerContainer> readers = registry.getListenerContainers().stream()
                .filter(container -> container instanceof AbstractMessageListenerContainer<?, ?> listener
                        && listener.getContainerProperties().getTopics() != null
                        && Arrays.asList(listener.getContainerProperties().getTopics())
                                .contains(Topics.MARKET_CANDLES))
                .toList();
        if (readers.isEmpty()) {
            throw new IllegalStateException(service + " has no consumer of " + Topics.MARKET_CANDLES);
        }
        return readers;
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
        admin.close(Duration.ofSeconds(5));
        List.of(EXECUTION, RISK, SIGNAL).forEach(name -> {
            ConfigurableApplicationContext context = running.remove(name);
            if (context != null) {
                context.close();
            }
        });
    }
}
