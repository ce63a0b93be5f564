package dev.peregrine.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

/** A context annotated {@link PeregrineIntegrationTest} gets the real infrastructure and the test tokens. */
@PeregrineIntegrationTest
@SpringJUnitConfig(PeregrineIntegrationTestIT.Empty.class)
@TestPropertySource(properties = "peregrine.security.tokens[0].name=carol")
class PeregrineIntegrationTestIT {

    @Configuration
    static class Empty {}

    @Autowired
    Environment environment;

    @Test
    void theContextSeesTheInfrastructureAndTheTokens() {
        assertThat(environment.getProperty("spring.kafka.bootstrap-servers"))
                .isEqualTo(RealInfrastructure.get().kafkaBootstrapServers());
        assertThat(environment.getProperty("peregrine.security.operator-token")).isEqualTo(TestTokens.OPERATOR);
        assertThat(environment.getProperty("peregrine.security.viewer-token")).isEqualTo(TestTokens.VIEWER);
        assertThat(environment.getProperty("peregrine.security.tokens[0].token"))
                .isEqualTo(TestTokens.ALICE);
        assertThat(environment.getProperty("peregrine.security.tokens[1].role")).isEqualTo("VIEWER");
    }

    @Test
    void theTestsOwnPropertiesWin() {
        assertThat(environment.getProperty("peregrine.security.tokens[0].name")).isEqualTo("carol");
    }
}
