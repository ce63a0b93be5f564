package dev.peregrine.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.peregrine.common.TopicAccess;
import dev.peregrine.common.Topics;
import dev.peregrine.common.event.OrderIntentCreated;
import dev.peregrine.common.event.PeregrineEvent;
import dev.peregrine.common.json.EventCodec;
import dev.peregrine.platform.health.KafkaHealthIndicator;
import dev.peregrine.testkit.SecuredKafka;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Services configured as in production, against a broker with SASL and ACLs on: each context is a Peregrine service
 * started from {@code peregrine-defaults.yml} with only its Kafka user and password file given
 * ({@code peregrine.kafka.sasl.*}, {@code spring.kafka.security.protocol}), so its {@link EventPublisher}, consumer
 * factory, topic declarations and health check all authenticate as that user. risk-service publishes an order intent;
 * signal-service, configured the same way, is refused, and nothing of it reaches the topic.
 */
class ServiceKafkaAuthorizationIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final EventCodec CODEC = new EventCodec();

    @TempDir
    static Path secrets;

    private static SecuredKafka kafka;
    private static ConfigurableApplicationContext risk;
    private static ConfigurableApplicationContext signal;

    @BeforeAll
    static void startServices() throws IOException {
        kafka = SecuredKafka.get();
        risk = service(TopicAccess.RISK);
        signal = service(TopicAccess.SIGNAL);
    }

    @AfterAll
    static void stopServices() {
        if (risk != null) {
            risk.close();
        }
        if (signal != null) {
            signal.close();
        }
    }

    @Test
    void riskServicePublishesOrderIntentsAndSignalServiceCannot() throws IOException {
        OrderIntentCreated intent = sampleIntent();

        risk.getBean(EventPublisher.class).publish(Topics.ORDERS_INTENTS, intent);

        assertThatThrownBy(() -> signal.getBean(EventPublisher.class).publish(Topics.ORDERS_INTENTS, intent))
                .isInstanceOf(PublishFailedException.class)
                .hasRootCauseInstanceOf(TopicAuthorizationException.class)
                .hasMessageContaining(Topics.ORDERS_INTENTS);

        // What the topic holds: the risk-service's intent, once; the refused publish left nothing.
        String encoded = CODEC.encode(intent);
        List<ConsumerRecord<String, String>> copies = new ArrayList<>();
        try (KafkaConsumer<String, String> admin = adminConsumer()) {
            admin.subscribe(List.of(Topics.ORDERS_INTENTS));
            long end = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (System.nanoTime() < end) {
                admin.poll(Duration.ofMillis(200)).forEach(record -> {
                    if (encoded.equals(record.value())) {
                        copies.add(record);
                    }
                });
            }
        }
        assertThat(copies).hasSize(1);
        assertThat(copies.getFirst().key()).isEqualTo(intent.key());
    }

    @Test
    void eachServiceReadsItsInputsInItsGroupButNotAnotherServicesInputs() throws Exception {
        String marker = "signal-for-risk-" + System.nanoTime();
        try (KafkaProducer<String, String> admin = new KafkaProducer<>(
                kafka.clientProperties(SecuredKafka.ADMIN), new StringSerializer(), new StringSerializer())) {
            admin.send(new ProducerRecord<>(Topics.SIGNALS_VALIDATED, "BTCUSDT", marker))
                    .get(30, TimeUnit.SECONDS);
        }
        try (Consumer<String, String> consumer = consumerOf(risk)) {
            consumer.subscribe(List.of(Topics.SIGNALS_VALIDATED));
            List<String> read = new ArrayList<>();
            await().atMost(TIMEOUT).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> read.add(record.value()));
                return read.contains(marker);
            });
        }
        try (Consumer<String, String> consumer = consumerOf(signal)) {
            consumer.subscribe(List.of(Topics.ORDERS_INTENTS));
            assertThatThrownBy(() -> {
                        long end = System.nanoTime() + TIMEOUT.toNanos();
                        while (System.nanoTime() < end) {
                            consumer.poll(Duration.ofMillis(200));
                        }
                    })
                    .isInstanceOf(TopicAuthorizationException.class);
        }
    }

    @Test
    void theTopicDeclarationsAndTheHealthCheckWorkWithOnlyTheServicesRights() {
        for (ConfigurableApplicationContext service : List.of(risk, signal)) {
            assertThat(service.getBean(KafkaAdmin.class).initialize()).isTrue();
            await().atMost(TIMEOUT)
                    .untilAsserted(() -> assertThat(service.getBean(KafkaHealthIndicator.class)
                                    .health(true)
                                    .getStatus())
                            .isEqualTo(Status.UP));
        }
    }

    private static KafkaConsumer<String, String> adminConsumer() {
        Map<String, Object> config = new HashMap<>(kafka.clientProperties(SecuredKafka.ADMIN));
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "acl-check-" + System.nanoTime());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        return new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
    }

    private static Consumer<String, String> consumerOf(ConfigurableApplicationContext service) {
        @SuppressWarnings("unchecked")
        ConsumerFactory<String, String> factory = service.getBean(ConsumerFactory.class);
        return factory.createConsumer();
    }

    private static ConfigurableApplicationContext service(String name) throws IOException {
        Path passwordFile = secrets.resolve(name + ".password");
        Files.writeString(passwordFile, kafka.password(name) + "\n");
        return new SpringApplicationBuilder(ServiceApplication.class)
                .run(
                        "--spring.config.name=peregrine-defaults",
                        "--spring.application.name=" + name,
                        "--server.port=0",
                        "--management.server.port=0",
                        "--spring.flyway.enabled=false",
                        "--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers(),
                        "--spring.kafka.consumer.group-id=" + name,
                        "--spring.kafka.security.protocol=" + SecuredKafka.SECURITY_PROTOCOL,
                        "--peregrine.kafka.sasl.mechanism=" + SecuredKafka.MECHANISM,
                        "--peregrine.kafka.sasl.username=" + name,
                        "--peregrine.kafka.sasl.password-file=" + passwordFile);
    }

    private static OrderIntentCreated sampleIntent() {
        Path sample = Path.of(System.getProperty("basedir", System.getProperty("user.dir")))
                .resolve("../common/src/test/resources/samples/orders.intents.v1/OrderIntentCreated.json");
        try {
            PeregrineEvent event = CODEC.decodeFrom(Topics.ORDERS_INTENTS, Files.readString(sample));
            return (OrderIntentCreated) event;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A service with the platform's auto-configuration and nothing else: no listeners, no controllers. */
    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class ServiceApplication {}
}
