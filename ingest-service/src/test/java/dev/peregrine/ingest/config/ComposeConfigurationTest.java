package dev.peregrine.ingest.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * docker-compose.yml configures ingest-service with {@code deploy/compose/config/ingest-service.yml}, mounted in the
 * image's {@code /app/config/}, and its PostgreSQL password as a file read through a {@code configtree:} import. This
 * loads the packaged configuration the way the service does ({@code peregrine-defaults,ingest-service}) with that file
 * in a config location above it (as {@code file:./config/} is), its secret paths moved to a temporary directory, and
 * checks what the service then sees: no Spring beans, no Docker.
 */
class ComposeConfigurationTest {

    @Configuration(proxyBeanMethods = false)
    static class Nothing {}

    @Test
    void theComposeFileAndTheMountedPasswordOverrideThePackagedLogin(@TempDir Path tmp) throws IOException {
        Path secrets = Files.createDirectories(tmp.resolve("run/secrets"));
        Path configTree = Files.createDirectories(secrets.resolve("peregrine-db"));
        Files.writeString(configTree.resolve("spring.datasource.password"), "db-secret-of-ingest");
        Path config = Files.createDirectories(tmp.resolve("app/config"));
        String composeConfig = Files.readString(repositoryRoot().resolve("deploy/compose/config/ingest-service.yml"));
        Files.writeString(config.resolve("ingest-service.yml"), composeConfig.replace("/run/secrets/", secrets + "/"));

        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(Nothing.class)
                .web(WebApplicationType.NONE)
                .properties(
                        "spring.config.name=peregrine-defaults,ingest-service",
                        "spring.config.additional-location=file:" + config + "/",
                        "spring.main.banner-mode=off")
                .run("--PEREGRINE_DATABASE_USERNAME=ingest")) {
            Environment env = context.getEnvironment();

            assertThat(env.getProperty("spring.datasource.password")).isEqualTo("db-secret-of-ingest");
            assertThat(env.getProperty("spring.datasource.username")).isEqualTo("ingest");
            assertThat(env.getProperty("spring.kafka.security.protocol")).isEqualTo("SASL_PLAINTEXT");
            assertThat(env.getProperty("peregrine.kafka.sasl.mechanism")).isEqualTo("PLAIN");
            assertThat(env.getProperty("peregrine.kafka.sasl.username")).isEqualTo("ingest-service");
            assertThat(env.getProperty("peregrine.kafka.sasl.password-file")).isEqualTo(secrets + "/kafka-password");
            assertThat(env.getProperty("peregrine.security.tokens[0].role")).isEqualTo("OPERATOR");
            assertThat(env.getProperty("peregrine.security.tokens[0].token-file"))
                    .isEqualTo(secrets + "/operator-token");
            assertThat(env.getProperty("peregrine.security.tokens[1].role")).isEqualTo("VIEWER");
            // the packaged service configuration is still read beneath it
            assertThat(env.getProperty("spring.flyway.default-schema")).isEqualTo("ingest");
        }
    }

    private static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isRegularFile(dir.resolve("docker-compose.yml"))) {
            dir = dir.getParent();
        }
        assertThat(dir).as("repository root above the working directory").isNotNull();
        return dir;
    }
}
