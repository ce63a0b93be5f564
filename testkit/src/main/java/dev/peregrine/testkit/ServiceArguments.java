package dev.peregrine.testkit;

import java.util.ArrayList;
import java.util.List;

/**
 * The command-line arguments that start one of the suite's services inside a test's JVM, the way every test that runs
 * services itself (not through {@code @SpringBootTest}) needs them: testkit's broker, the given database, random
 * ports, the role {@link TestTokens}, and Spring's shutdown hooks left to the test, which closes the contexts.
 */
public final class ServiceArguments {

    private ServiceArguments() {}

    /** The common arguments, in a list the caller may add its own to (later arguments win). */
    public static List<String> inTest(InfrastructureEndpoints infra, String jdbcUrl) {
        List<String> arguments = new ArrayList<>(List.of(
                "--spring.kafka.bootstrap-servers=" + infra.kafkaBootstrapServers(),
                "--spring.datasource.url=" + jdbcUrl,
                "--spring.datasource.username=" + infra.jdbcUsername(),
                "--spring.datasource.password=" + infra.jdbcPassword(),
                "--server.port=0",
                "--management.server.port=0",
                "--logging.register-shutdown-hook=false"));
        arguments.addAll(List.of(TestTokens.roleArguments()));
        return arguments;
    }
}
