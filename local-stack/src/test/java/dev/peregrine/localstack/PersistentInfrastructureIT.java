package dev.peregrine.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.peregrine.common.TopicAccess;
import dev.peregrine.common.Topics;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "A restart loses nothing": Kafka and PostgreSQL are started on a data dir, written to, stopped the way
 * the local stack stops them, started again on the same dir, and read back. Kafka runs with SASL/PLAIN and the ACLs
 * of {@link TopicAccess}: each client below logs in as a principal of the table, with the password the first start
 * generated, and a principal is refused what the table does not allow it.
 */
class PersistentInfrastructureIT {

    private static final String TOPIC = Topics.MARKET_CANDLES;

    @TempDir
    Path dataDir;

    @Test
    void aRestartOnTheSameDataDirKeepsRecordsRowsAndTheClusterId() throws Exception {
        int brokerPort = freePort();
        int controllerPort = freePort();
        int postgresPort = freePort();
        Path kafkaDir = dataDir.resolve("kafka");
        Path postgresDir = dataDir.resolve("postgres");

        String clusterId;
        try (PersistentKafka kafka = PersistentKafka.start(kafkaDir, brokerPort, controllerPort);
                PersistentPostgres postgres = PersistentPostgres.start(postgresDir, postgresPort)) {
            clusterId = kafka.clusterId();
            send(kafka, TopicAccess.INGEST, TOPIC, "BTCUSDT", "first run");
            // An ACL the table does not list: the next start must take it away again.
            try (Admin admin = Admin.create(kafka.clientProperties(KafkaCredentials.ADMIN))) {
                admin.createAcls(List.of(new AclBinding(
                                new ResourcePattern(ResourceType.TOPIC, Topics.ORDERS_INTENTS, PatternType.LITERAL),
                                new AccessControlEntry(
                                        "User:" + TopicAccess.SIGNAL,
                                        "*",
                                        AclOperation.WRITE,
                                        AclPermissionType.ALLOW))))
                        .all()
                        .get(30, TimeUnit.SECONDS);
            }
            try (Connection connection = connect(postgres);
                    Statement sql = connection.createStatement()) {
                sql.execute("create table restart_probe (id int primary key, note text not null)");
                sql.execute("insert into restart_probe values (1, 'first run')");
            }
        }
        assertThat(kafkaDir.resolve("meta.properties")).exists();
        Path credentials = dataDir.resolve(KafkaCredentials.DIR_NAME);
        String riskPassword = Files.readString(credentials.resolve(TopicAccess.RISK + ".password"))
                .strip();
        for (String user : List.of(
                KafkaCredentials.ADMIN,
                TopicAccess.INGEST,
                TopicAccess.SIGNAL,
                TopicAccess.RISK,
                TopicAccess.EXECUTION,
                TopicAccess.MONITOR,
                TopicAccess.OPERATOR)) {
            assertThat(PosixFilePermissions.toString(
                            Files.getPosixFilePermissions(credentials.resolve(user + ".password"))))
                    .isEqualTo("rw-------");
        }
        assertThat(PosixFilePermissions.toString(
                        Files.getPosixFilePermissions(credentials.resolve(KafkaCredentials.OPERATOR_CLIENT_CONFIG))))
                .isEqualTo("rw-------");
        assertThat(postgresDir.resolve("postgresql.conf")).exists();

        try (PersistentKafka kafka = PersistentKafka.start(kafkaDir, brokerPort, controllerPort);
                PersistentPostgres postgres = PersistentPostgres.start(postgresDir, postgresPort)) {
            assertThat(kafka.clusterId()).isEqualTo(clusterId);
            assertThat(Files.readString(credentials.resolve(TopicAccess.RISK + ".password"))
                            .strip())
                    .isEqualTo(riskPassword);
            assertThat(readAll(kafka, TopicAccess.OPERATOR, TOPIC))
                    .extracting(ConsumerRecord::key, ConsumerRecord::value)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("BTCUSDT", "first run"));

            // Least privilege: only risk-service may write order intents; signal-service is refused.
            send(kafka, TopicAccess.RISK, Topics.ORDERS_INTENTS, "BTCUSDT", "from risk");
            assertThatThrownBy(() -> send(kafka, TopicAccess.SIGNAL, Topics.ORDERS_INTENTS, "BTCUSDT", "from signal"))
                    .isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(TopicAuthorizationException.class);
            Map<String, Object> wrongPassword = new HashMap<>(kafka.clientProperties(TopicAccess.RISK));
            wrongPassword.put("sasl.jaas.config", KafkaCredentials.jaas(TopicAccess.RISK, "not-" + riskPassword));
            assertThatThrownBy(() -> send(wrongPassword, Topics.ORDERS_INTENTS, "BTCUSDT", "wrong password"))
                    .satisfies(e -> assertThat(e instanceof ExecutionException ? e.getCause() : e)
                            .isInstanceOf(SaslAuthenticationException.class));
            assertThat(readAll(kafka, TopicAccess.OPERATOR, Topics.ORDERS_INTENTS))
                    .extracting(ConsumerRecord::value)
                    .containsExactly("from risk");
            try (Connection connection = connect(postgres);
                    Statement sql = connection.createStatement();
                    ResultSet rows = sql.executeQuery("select id, note from restart_probe")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getInt("id")).isEqualTo(1);
                assertThat(rows.getString("note")).isEqualTo("first run");
                assertThat(rows.next()).isFalse();
            }
        }
    }

    @Test
    void anAlreadyFormattedKafkaDirectoryIsNotFormattedAgain() throws IOException {
        Path kafkaDir = Files.createDirectories(dataDir.resolve("formatted"));

        String first = PersistentKafka.formatIfNeeded(kafkaDir);
        String second = PersistentKafka.formatIfNeeded(kafkaDir);

        assertThat(second).isEqualTo(first);
        assertThat(Files.readString(kafkaDir.resolve("meta.properties"))).contains("cluster.id=" + first);
    }

    private static void send(PersistentKafka kafka, String user, String topic, String key, String value)
            throws Exception {
        send(kafka.clientProperties(user), topic, key, value);
    }

    private static void send(Map<String, Object> client, String topic, String key, String value) throws Exception {
        Map<String, Object> properties = new HashMap<>(client);
        properties.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 15000);
        properties.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 15000);
        properties.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10000);
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(properties, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, key, value)).get(30, TimeUnit.SECONDS);
        }
    }

    /** Every record of {@code topic}, read from the start without a consumer group. */
    private static List<ConsumerRecord<String, String>> readAll(PersistentKafka kafka, String user, String topic) {
        Map<String, Object> properties = new HashMap<>(kafka.clientProperties(user));
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(properties, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(info -> new TopicPartition(topic, info.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                return partitions.stream().allMatch(p -> consumer.position(p) >= ends.get(p));
            });
        }
        return records;
    }

    private static Connection connect(PersistentPostgres postgres) throws SQLException {
        DatabaseLogin admin = postgres.adminLogin();
        return DriverManager.getConnection(postgres.jdbcUrl(), admin.username(), admin.password());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
