package dev.peregrine.localstack;

import dev.peregrine.testkit.RawRecords;
import dev.peregrine.testkit.TopicProbe;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "A restart loses nothing": Kafka and PostgreSQL are started on a data dir, written to, stopped the way
 * the local stack stops them, started again on the same dir, and read back.
 */
class PersistentInfrastructureIT {

    private static final String TOPIC = "local-stack.restart-probe";

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
            RawRecords.send(kafka.bootstrapServers(), TOPIC, "BTCUSDT", "first run");
            try (Connection connection = connect(postgres); Statement sql = connection.createStatement()) {
                sql.execute("create table restart_probe (id int primary key, note text not null)");
                sql.execute("insert into restart_probe values (1, 'first run')");
            }
        }
        assertThat(kafkaDir.resolve("meta.properties")).exists();
        assertThat(postgresDir.resolve("postgresql.conf")).exists();

        try (PersistentKafka kafka = PersistentKafka.start(kafkaDir, brokerPort, controllerPort);
             PersistentPostgres postgres = PersistentPostgres.start(postgresDir, postgresPort)) {
            assertThat(kafka.clusterId()).isEqualTo(clusterId);
            try (TopicProbe probe = TopicProbe.open(kafka.bootstrapServers(), TOPIC)) {
                List<ConsumerRecord<String, String>> records = probe.awaitCount(1, Duration.ofSeconds(30));
                assertThat(records).extracting(ConsumerRecord::key, ConsumerRecord::value)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple("BTCUSDT", "first run"));
            }
            try (Connection connection = connect(postgres); Statement sql = connection.createStatement();
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
