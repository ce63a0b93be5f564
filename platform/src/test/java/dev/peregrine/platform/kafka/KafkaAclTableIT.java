package dev.peregrine.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.peregrine.common.TopicAccess;
import dev.peregrine.common.TopicAccess.Principal;
import dev.peregrine.common.Topics;
import dev.peregrine.testkit.SecuredKafka;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The broker enforces {@link TopicAccess} exactly: every principal tries to write and read every topic and dead-letter
 * topic of the suite on a broker with SASL and ACLs on ({@link SecuredKafka}), and succeeds where the table allows and
 * is refused everywhere else. A client without credentials, or with a wrong password, gets nothing.
 */
class KafkaAclTableIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final String PROBE = "acl-probe";
    private static SecuredKafka kafka;
    private static List<String> topics;

    @BeforeAll
    static void seedEveryTopic() throws Exception {
        kafka = SecuredKafka.get();
        topics = new ArrayList<>();
        Topics.ALL.forEach(topic -> {
            topics.add(topic);
            topics.add(Topics.deadLetterOf(topic));
        });
        // One record in each topic, written by the super user, so that an allowed read has something to return.
        try (KafkaProducer<String, String> admin = producer(SecuredKafka.ADMIN)) {
            for (String topic : topics) {
                admin.send(new ProducerRecord<>(topic, PROBE, "seed")).get(30, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void everyPrincipalWritesWhatTheTableAllowsAndNothingElse() throws Exception {
        for (Principal principal : TopicAccess.PRINCIPALS) {
            try (KafkaProducer<String, String> producer = producer(principal.name())) {
                for (String topic : topics) {
                    Future<?> send = producer.send(new ProducerRecord<>(topic, PROBE, "from " + principal.name()));
                    String what = principal.name() + " writes " + topic;
                    if (principal.mayWrite(topic)) {
                        assertThat(send.get(30, TimeUnit.SECONDS)).as(what).isNotNull();
                    } else {
                        assertThatThrownBy(() -> send.get(30, TimeUnit.SECONDS))
                                .as(what)
                                .isInstanceOf(ExecutionException.class)
                                .hasCauseInstanceOf(TopicAuthorizationException.class);
                    }
                }
            }
        }
    }

    @Test
    void everyPrincipalReadsWhatTheTableAllowsAndNothingElse() {
        for (Principal principal : TopicAccess.PRINCIPALS) {
            for (String topic : topics) {
                String what = principal.name() + " reads " + topic;
                try (KafkaConsumer<String, String> consumer = consumer(principal.name(), null)) {
                    List<TopicPartition> partitions = new ArrayList<>();
                    for (int partition = 0; partition < SecuredKafka.PARTITIONS; partition++) {
                        partitions.add(new TopicPartition(topic, partition));
                    }
                    consumer.assign(partitions);
                    consumer.seekToBeginning(partitions);
                    if (principal.mayRead(topic)) {
                        List<ConsumerRecord<String, String>> read = new ArrayList<>();
                        await(what).atMost(TIMEOUT).until(() -> {
                            consumer.poll(Duration.ofMillis(200)).forEach(read::add);
                            return !read.isEmpty();
                        });
                    } else {
                        assertThatThrownBy(() -> pollUntilRefused(consumer))
                                .as(what)
                                .isInstanceOf(TopicAuthorizationException.class);
                    }
                }
            }
        }
    }

    @Test
    void aServiceJoinsOnlyItsOwnConsumerGroups() {
        try (KafkaConsumer<String, String> own = consumer(TopicAccess.RISK, TopicAccess.RISK)) {
            own.subscribe(List.of(Topics.SIGNALS_VALIDATED));
            List<ConsumerRecord<String, String>> read = new ArrayList<>();
            await().atMost(TIMEOUT).until(() -> {
                own.poll(Duration.ofMillis(200)).forEach(read::add);
                return !read.isEmpty();
            });
        }
        try (KafkaConsumer<String, String> foreign = consumer(TopicAccess.SIGNAL, TopicAccess.RISK)) {
            foreign.subscribe(List.of(Topics.MARKET_CANDLES));
            assertThatThrownBy(() -> foreign.poll(TIMEOUT)).isInstanceOf(GroupAuthorizationException.class);
        }
    }

    @Test
    void aClientWithoutTheRightCredentialsIsRefused() {
        Map<String, Object> wrongPassword = kafka.clientProperties(TopicAccess.RISK, "not-the-password");
        try (KafkaProducer<String, String> producer = producer(wrongPassword)) {
            assertThatThrownBy(() -> producer.send(new ProducerRecord<>(Topics.ORDERS_INTENTS, PROBE, "x"))
                            .get(30, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(AuthenticationException.class);
        }
        Map<String, Object> unknownUser = kafka.clientProperties("mallory", "guess");
        try (KafkaProducer<String, String> producer = producer(unknownUser)) {
            assertThatThrownBy(() -> producer.send(new ProducerRecord<>(Topics.ORDERS_INTENTS, PROBE, "x"))
                            .get(30, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(AuthenticationException.class);
        }
        // No SASL at all: the listener talks to nobody who does not authenticate, so no metadata ever arrives.
        Map<String, Object> anonymous = new HashMap<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                kafka.bootstrapServers(),
                ProducerConfig.MAX_BLOCK_MS_CONFIG,
                3000));
        try (KafkaProducer<String, String> producer = producer(anonymous)) {
            assertThatThrownBy(() -> producer.send(new ProducerRecord<>(Topics.ORDERS_INTENTS, PROBE, "x"))
                            .get(30, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(TimeoutException.class);
        }
    }

    /** Polls for up to {@link #TIMEOUT}; a refused read throws on the poll after the broker's answer. */
    private static void pollUntilRefused(KafkaConsumer<String, String> consumer) {
        long end = System.nanoTime() + TIMEOUT.toNanos();
        while (System.nanoTime() < end) {
            consumer.poll(Duration.ofMillis(200));
        }
    }

    private static KafkaProducer<String, String> producer(String user) {
        return producer(new HashMap<>(kafka.clientProperties(user)));
    }

    private static KafkaProducer<String, String> producer(Map<String, Object> properties) {
        Map<String, Object> config = new HashMap<>(properties);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, 20000);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 20000);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10000);
        return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    }

    private static KafkaConsumer<String, String> consumer(String user, String group) {
        Map<String, Object> config = new HashMap<>(kafka.clientProperties(user));
        if (group != null) {
            config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        }
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
    }
}
