package dev.peregrine.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.peregrine.common.TopicAccess;
import dev.peregrine.common.Topics;
import dev.peregrine.common.event.OrderIntentCreated;
import dev.peregrine.common.json.EventCodec;
import dev.peregrine.risk.application.port.out.RiskEvents;
import dev.peregrine.testkit.InfrastructureEndpoints;
import dev.peregrine.testkit.RealInfrastructure;
import dev.peregrine.testkit.SecuredKafka;
import dev.peregrine.testkit.ServiceApi;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
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
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * The whole risk-service, as deployed (its {@code risk-service.yml}, its listeners and publishers), against a broker
 * with SASL and ACLs on ({@link SecuredKafka}), logged in only with its own user and password file: every listener
 * gets its partitions in the {@code risk-service} group, readiness (database and Kafka) is UP, and its own outbound
 * adapter publishes an order intent. The signal-service user is refused on the same topic. So the ACLs of
 * {@link TopicAccess} are enough for the service, and no more than it needs.
 */
class RiskServiceKafkaAuthorizationIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final EventCodec CODEC = new EventCodec();
    private static final String DATABASE = "risk_kafka_acl";

    @TempDir
    static Path secrets;

    private static SecuredKafka kafka;
    private static ConfigurableApplicationContext risk;

    @BeforeAll
    static void startRiskService() throws IOException, SQLException {
        kafka = SecuredKafka.get();
        InfrastructureEndpoints infrastructure = RealInfrastructure.get();
        // A database of its own: RiskServiceIT's book in the shared database stays untouched.
        try (Connection connection = DriverManager.getConnection(
                        infrastructure.jdbcUrl(), infrastructure.jdbcUsername(), infrastructure.jdbcPassword());
                Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + DATABASE);
            statement.execute("CREATE DATABASE " + DATABASE);
        }
        String jdbcUrl = infrastructure.jdbcUrl().replaceFirst("/postgres(\\?|$)", "/" + DATABASE + "$1");
        Path passwordFile = secrets.resolve("risk-service.password");
        Files.writeString(passwordFile, kafka.password(TopicAccess.RISK) + "\n");
        risk = RiskServiceApplication.builder()
                .run(
                        "--server.port=0",
                        "--management.server.port=0",
                        "--spring.datasource.url=" + jdbcUrl,
                        "--spring.datasource.username=" + infrastructure.jdbcUsername(),
                        "--spring.datasource.password=" + infrastructure.jdbcPassword(),
                        "--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers(),
                        "--spring.kafka.security.protocol=" + SecuredKafka.SECURITY_PROTOCOL,
                        "--peregrine.kafka.sasl.mechanism=" + SecuredKafka.MECHANISM,
                        "--peregrine.kafka.sasl.username=" + TopicAccess.RISK,
                        "--peregrine.kafka.sasl.password-file=" + passwordFile);
    }

    @AfterAll
    static void stopRiskService() {
        if (risk != null) {
            risk.close();
        }
    }

    @Test
    void everyListenerOfRiskServiceConsumesInItsGroupAndReadinessIsUp() throws Exception {
        KafkaListenerEndpointRegistry registry = risk.getBean(KafkaListenerEndpointRegistry.class);
        assertThat(registry.getListenerContainers()).isNotEmpty();
        await().atMost(TIMEOUT).untilAsserted(() -> {
            for (MessageListenerContainer container : registry.getListenerContainers()) {
                assertThat(container.isRunning()).as(container.getListenerId()).isTrue();
                assertThat(container.getGroupId()).isEqualTo(TopicAccess.RISK);
                assertThat(container.getAssignedPartitions())
                        .as(container.getListenerId())
                        .isNotEmpty();
            }
        });
        int managementPort = Integer.parseInt(risk.getEnvironment().getProperty("local.management.port", "-1"));
        assertThat(managementPort).isPositive();
        await().atMost(TIMEOUT).untilAsserted(() -> {
            HttpResponse<String> readiness = ServiceApi.at(managementPort).get("/actuator/health/readiness");
            assertThat(readiness.statusCode()).as(readiness.body()).isEqualTo(200);
        });
    }

    @Test
    void riskServicePublishesAnOrderIntentAndTheSignalServiceUserCannot() throws Exception {
        OrderIntentCreated intent = sampleIntent();

        risk.getBean(RiskEvents.class).publishIntent(intent);

        try (KafkaProducer<String, String> signal = new KafkaProducer<>(
                kafka.clientProperties(TopicAccess.SIGNAL), new StringSerializer(), new StringSerializer())) {
            assertThatThrownBy(() -> signal.send(
                                    new ProducerRecord<>(Topics.ORDERS_INTENTS, intent.key(), CODEC.encode(intent)))
                            .get(30, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(TopicAuthorizationException.class);
        }

        String encoded = CODEC.encode(intent);
        List<String> copies = new ArrayList<>();
        Map<String, Object> config = new HashMap<>(kafka.clientProperties(TopicAccess.EXECUTION));
        config.put(ConsumerConfig.GROUP_ID_CONFIG, TopicAccess.EXECUTION);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (KafkaConsumer<String, String> execution =
                new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            // What execution-service, the intents' one consumer, receives: the risk-service's intent.
            execution.subscribe(List.of(Topics.ORDERS_INTENTS));
            await().atMost(TIMEOUT).until(() -> {
                execution.poll(Duration.ofMillis(200)).forEach(record -> {
                    if (encoded.equals(record.value())) {
                        copies.add(record.key());
                    }
                });
                return !copies.isEmpty();
            });
        }
        assertThat(copies).containsExactly(intent.key());
    }

    private static OrderIntentCreated sampleIntent() {
        Path sample = Path.of(System.getProperty("basedir", System.getProperty("user.dir")))
                .resolve("../common/src/test/resources/samples/orders.intents.v1/OrderIntentCreated.json");
        try {
            return (OrderIntentCreated) CODEC.decodeFrom(Topics.ORDERS_INTENTS, Files.readString(sample));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
