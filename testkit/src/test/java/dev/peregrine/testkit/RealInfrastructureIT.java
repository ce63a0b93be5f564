package dev.peregrine.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

class RealInfrastructureIT {

    @Test
    void kafkaBrokerCarriesRecords() {
        InfrastructureEndpoints endpoints = RealInfrastructure.get();
        String topic = "testkit.probe." + UUID.randomUUID();
        RawRecords.send(endpoints.kafkaBootstrapServers(), topic, "k", "hello");
        try (TopicProbe probe = TopicProbe.open(endpoints.kafkaBootstrapServers(), topic)) {
            List<ConsumerRecord<String, String>> records = probe.awaitCount(1, Duration.ofSeconds(30));
            assertThat(records).extracting(ConsumerRecord::value).containsExactly("hello");
        }
    }

    @Test
    void postgresIsARealPostgres() throws Exception {
        InfrastructureEndpoints endpoints = RealInfrastructure.get();
        try (Connection connection = DriverManager.getConnection(
                        endpoints.jdbcUrl(), endpoints.jdbcUsername(), endpoints.jdbcPassword());
                ResultSet rs = connection.createStatement().executeQuery("select version()")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).startsWith("PostgreSQL");
        }
    }
}
