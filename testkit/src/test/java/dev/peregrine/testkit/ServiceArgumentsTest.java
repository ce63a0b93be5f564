package dev.peregrine.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ServiceArgumentsTest {

    private final InfrastructureEndpoints infra =
            new InfrastructureEndpoints("broker:9092", "jdbc:postgresql://db/shared", "peregrine", "secret");

    @Test
    void pointsAServiceAtTheInfrastructureTheGivenDatabaseAndTheTestTokens() {
        List<String> arguments = ServiceArguments.inTest(infra, "jdbc:postgresql://db/own");

        assertThat(arguments)
                .contains(
                        "--spring.kafka.bootstrap-servers=broker:9092",
                        "--spring.datasource.url=jdbc:postgresql://db/own",
                        "--spring.datasource.username=peregrine",
                        "--spring.datasource.password=secret",
                        "--server.port=0",
                        "--management.server.port=0",
                        "--peregrine.security.operator-token=" + TestTokens.OPERATOR,
                        "--peregrine.security.viewer-token=" + TestTokens.VIEWER);
    }

    @Test
    void theCallerMayAddArgumentsThatWin() {
        List<String> arguments = ServiceArguments.inTest(infra, "jdbc:postgresql://db/own");

        arguments.add("--server.port=8080");

        assertThat(arguments.getLast()).isEqualTo("--server.port=8080");
    }
}
