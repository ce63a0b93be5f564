package dev.peregrine.benchmarks.latency;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StageCpuTest {

    @Test
    void aThreadBelongsToTheServiceWhoseClassIsNearestTheTopOfItsStack() {
        List<String> stack = List.of(
                "org.postgresql.core.v3.QueryExecutorImpl",
                "dev.peregrine.platform.jdbc.JdbcTime",
                "dev.peregrine.signal.adapter.out.jdbc.JdbcCandleStore",
                "dev.peregrine.risk.application.DecideOnSignalService",
                "org.springframework.kafka.listener.KafkaMessageListenerContainer$ListenerConsumer");

        assertThat(StageCpu.service(stack)).contains("signal");
        assertThat(StageCpu.group(stack, "")).isEqualTo("signal-service");
    }

    @Test
    void aStackWithoutServiceCodeBelongsToNoServiceButToItsTopFramesOwner() {
        List<String> client = List.of(
                "org.apache.kafka.clients.consumer.KafkaConsumer", "dev.peregrine.platform.kafka.EventPublisher");
        List<String> broker = List.of("org.apache.kafka.storage.internals.log.UnifiedLog", "kafka.server.KafkaApis");

        assertThat(StageCpu.service(client)).isEmpty();
        assertThat(StageCpu.group(client, "")).startsWith("Kafka clients");
        assertThat(StageCpu.group(broker, "")).isEqualTo("Kafka broker (embedded)");
        assertThat(StageCpu.group(List.of("java.lang.Object"), "latency-feeder"))
                .isEqualTo("the harness (feeder, collector)");
    }

    @Test
    void threadsNoSampleCaughtInAServiceAreGroupedByName() {
        assertThat(StageCpu.byName("kafka-producer-network-thread | producer-3"))
                .isEqualTo("Kafka producers' I/O threads");
        assertThat(StageCpu.byName("latency-feeder")).isEqualTo("the harness (feeder, collector)");
        assertThat(StageCpu.byName("data-plane-kafka-request-handler-1")).isEqualTo("Kafka broker (embedded)");
        assertThat(StageCpu.byName("http-nio-8080-exec-1")).isEqualTo("other threads");
    }

    @Test
    void thePostgresPortIsReadFromTheJdbcUrl() {
        assertThat(StageCpu.portOf("jdbc:postgresql://localhost:41085/postgres?user=x"))
                .isEqualTo(Optional.of(41085));
        assertThat(StageCpu.portOf("jdbc:h2:mem:nothing")).isEmpty();
    }
}
