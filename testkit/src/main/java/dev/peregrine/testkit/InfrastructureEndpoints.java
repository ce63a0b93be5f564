package dev.peregrine.testkit;

import java.util.Map;

/** Where the shared test infrastructure listens. */
public record InfrastructureEndpoints(
        String kafkaBootstrapServers, String jdbcUrl, String jdbcUsername, String jdbcPassword) {

    /** Spring properties that point a service at this infrastructure. */
    public Map<String, Object> springProperties() {
        return Map.of(
                "spring.kafka.bootstrap-servers", kafkaBootstrapServers,
                "spring.datasource.url", jdbcUrl,
                "spring.datasource.username", jdbcUsername,
                "spring.datasource.password", jdbcPassword);
    }
}
