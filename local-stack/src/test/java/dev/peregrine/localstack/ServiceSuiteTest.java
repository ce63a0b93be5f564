package dev.peregrine.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.peregrine.common.TopicAccess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What each service is started with: the local infrastructure, its fixed ports, and its own inputs. */
class ServiceSuiteTest {

    private final LocalStackOptions options =
            LocalStackOptions.parse(List.of("--replay=/data/BTCUSDT-15m.csv.gz", "--speed=60"), Path.of("/repo"));
    private final ServiceSuite.Settings settings = new ServiceSuite.Settings(
            "127.0.0.1:19092",
            "jdbc:postgresql://127.0.0.1:15432/peregrine",
            "postgres",
            "postgres",
            new SecurityTokens("o".repeat(64), "v".repeat(64), Optional.empty()),
            options);

    @Test
    void everyServiceGetsTheLocalInfrastructureTokensAndItsFixedPorts() {
        for (SuiteService service : SuiteService.values()) {
            assertThat(ServiceSuite.arguments(service, settings))
                    .contains(
                            "--spring.kafka.bootstrap-servers=127.0.0.1:19092",
                            "--spring.datasource.url=jdbc:postgresql://127.0.0.1:15432/peregrine",
                            "--spring.datasource.username=postgres",
                            "--spring.datasource.password=postgres",
                            "--peregrine.security.operator-token=" + "o".repeat(64),
                            "--peregrine.security.viewer-token=" + "v".repeat(64),
                            "--server.port=" + service.apiPort(),
                            "--management.server.port=" + service.managementPort());
        }
        assertThat(SuiteService.values())
                .extracting(SuiteService::apiPort)
                .containsExactly(8081, 8082, 8083, 8084, 8085);
        assertThat(SuiteService.values())
                .extracting(SuiteService::managementPort)
                .containsExactly(9081, 9082, 9083, 9084, 9085);
    }

    @Test
    void onTheLocalStacksBrokerEachServiceLogsInAsItsOwnKafkaPrincipalWithItsPasswordFile(@TempDir Path data)
            throws Exception {
        KafkaCredentials users = KafkaCredentials.load(data.resolve(KafkaCredentials.DIR_NAME));
        ServiceSuite.Settings secured = new ServiceSuite.Settings(
                "127.0.0.1:19092",
                "jdbc:postgresql://127.0.0.1:15432/peregrine",
                settings.logins(),
                settings.tokens(),
                options,
                null,
                true,
                users);

        for (SuiteService service : SuiteService.values()) {
            Path passwordFile = data.resolve(KafkaCredentials.DIR_NAME).resolve(service.serviceName() + ".password");
            assertThat(TopicAccess.principal(service.serviceName()).name()).isEqualTo(service.serviceName());
            assertThat(ServiceSuite.arguments(service, secured))
                    .contains(
                            "--spring.kafka.security.protocol=SASL_PLAINTEXT",
                            "--peregrine.kafka.sasl.mechanism=PLAIN",
                            "--peregrine.kafka.sasl.username=" + service.serviceName(),
                            "--peregrine.kafka.sasl.password-file=" + passwordFile.toAbsolutePath());
            String password = Files.readString(passwordFile).strip();
            assertThat(password).hasSize(64).isEqualTo(users.password(service.serviceName()));
            assertThat(String.join(" ", ServiceSuite.arguments(service, secured)))
                    .doesNotContain(password);
        }
        assertThat(ServiceSuite.arguments(SuiteService.SIGNAL, settings)).noneMatch(arg -> arg.contains("sasl"));
        // Generated once per data dir: a second load keeps them.
        assertThat(KafkaCredentials.load(data.resolve(KafkaCredentials.DIR_NAME))
                        .password(TopicAccess.OPERATOR))
                .isEqualTo(users.password(TopicAccess.OPERATOR));
        assertThat(users.toString()).doesNotContain(users.password(KafkaCredentials.ADMIN));
        assertThat(Files.readString(users.operatorClientConfig()))
                .contains(
                        "security.protocol=SASL_PLAINTEXT",
                        "sasl.mechanism=PLAIN",
                        "username=\"" + TopicAccess.OPERATOR + "\"");
    }

    @Test
    void eachServiceLogsInAsItsOwnRoleNamedAfterItsSchema() {
        Map<SuiteService, DatabaseLogin> logins = new EnumMap<>(SuiteService.class);
        for (SuiteService service : SuiteService.values()) {
            logins.put(service, new DatabaseLogin(service.schema(), "secret-of-" + service.schema()));
        }
        ServiceSuite.Settings roles = new ServiceSuite.Settings(
                "127.0.0.1:19092",
                "jdbc:postgresql://127.0.0.1:15432/peregrine",
                logins,
                new SecurityTokens("o".repeat(64), "v".repeat(64), Optional.empty()),
                options,
                null,
                true);

        assertThat(SuiteService.values())
                .extracting(SuiteService::schema)
                .containsExactly("ingest", "signal", "risk", "execution", "monitor");
        for (SuiteService service : SuiteService.values()) {
            assertThat(ServiceSuite.arguments(service, roles))
                    .contains(
                            "--spring.datasource.username=" + service.schema(),
                            "--spring.datasource.password=secret-of-" + service.schema());
        }
        assertThat(roles.toString()).doesNotContain("secret");
        logins.remove(SuiteService.MONITOR);
        assertThatThrownBy(() -> new ServiceSuite.Settings(
                        "127.0.0.1:19092",
                        "jdbc:postgresql://127.0.0.1:15432/peregrine",
                        logins,
                        new SecurityTokens("o".repeat(64), "v".repeat(64), Optional.empty()),
                        options,
                        null,
                        true))
                .hasMessageContaining("no database login for monitor-service");
    }

    @Test
    void ingestReplaysTheChosenFileAtTheChosenSpeed() {
        assertThat(ServiceSuite.arguments(SuiteService.INGEST, settings))
                .contains(
                        "--peregrine.ingest.replay.file=/data/BTCUSDT-15m.csv.gz",
                        "--peregrine.ingest.replay.speed=60",
                        "--peregrine.ingest.binance.enabled=false");
        assertThat(ServiceSuite.arguments(SuiteService.SIGNAL, settings)).noneMatch(arg -> arg.contains("replay"));
    }

    @Test
    void byDefaultIngestListensToBinancesLiveStreamsOfTheChosenSymbolsAndReplaysNothing() {
        ServiceSuite.Settings live = new ServiceSuite.Settings(
                "127.0.0.1:19092",
                "jdbc:postgresql://127.0.0.1:15432/peregrine",
                "postgres",
                "postgres",
                new SecurityTokens("o".repeat(64), "v".repeat(64), Optional.empty()),
                LocalStackOptions.parse(List.of("--symbols=SOLUSDT,BTCUSDT"), Path.of("/repo")));

        assertThat(ServiceSuite.arguments(SuiteService.INGEST, live))
                .contains(
                        "--peregrine.ingest.binance.enabled=true",
                        "--peregrine.ingest.binance.symbols=SOLUSDT,BTCUSDT",
                        "--peregrine.ingest.binance.intervals=1m",
                        "--peregrine.ingest.replay.file=");
        assertThat(ServiceSuite.arguments(SuiteService.SIGNAL, live)).noneMatch(arg -> arg.contains("binance"));
    }

    @Test
    void executionTradesOnPaper() {
        assertThat(ServiceSuite.arguments(SuiteService.EXECUTION, settings))
                .contains("--peregrine.execution.venue=PAPER");
        assertThat(ServiceSuite.arguments(SuiteService.RISK, settings)).noneMatch(arg -> arg.contains("venue"));
    }

    @Test
    void theSettingsNeverPrintTheTokens() {
        assertThat(settings.toString()).doesNotContain("o".repeat(64)).doesNotContain("v".repeat(64));
    }
}
