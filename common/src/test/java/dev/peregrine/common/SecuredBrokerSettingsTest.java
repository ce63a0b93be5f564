package dev.peregrine.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SecuredBrokerSettingsTest {

    private static final Map<String, String> PASSWORDS =
            new LinkedHashMap<>(Map.of(SecuredBrokerSettings.ADMIN, "admin-secret", TopicAccess.RISK, "risk-secret"));

    @Test
    void theClientListenerAcceptsEveryUserAndTheControllerListenerOnlyTheAdmin() {
        Map<String, String> broker =
                SecuredBrokerSettings.brokerProperties(Path.of("/tmp/kafka"), 9092, 9093, PASSWORDS);

        String client = broker.get("listener.name.sasl_plaintext.plain.sasl.jaas.config");
        String controller = broker.get("listener.name.controller.plain.sasl.jaas.config");
        assertThat(client)
                .contains(
                        "username=\"peregrine-admin\" password=\"admin-secret\"",
                        "user_peregrine-admin=\"admin-secret\"",
                        "user_risk-service=\"risk-secret\"")
                .endsWith(";");
        assertThat(controller).contains("user_peregrine-admin=\"admin-secret\"").doesNotContain("risk");
    }

    @Test
    void noAclMeansRefusedAndTheAdminIsTheOnlySuperUser() {
        Map<String, String> broker =
                SecuredBrokerSettings.brokerProperties(Path.of("/tmp/kafka"), 9092, 9093, PASSWORDS);

        assertThat(broker)
                .containsEntry("allow.everyone.if.no.acl.found", "false")
                .containsEntry("super.users", "User:peregrine-admin")
                .containsEntry("auto.create.topics.enable", "false")
                .containsEntry("listeners", "SASL_PLAINTEXT://127.0.0.1:9092,CONTROLLER://127.0.0.1:9093")
                .containsEntry("controller.quorum.voters", "1@127.0.0.1:9093")
                .containsEntry("log.dirs", "/tmp/kafka");
    }

    @Test
    void aClientLogsInAsItsUser() {
        assertThat(SecuredBrokerSettings.clientProperties("127.0.0.1:9092", TopicAccess.RISK, "risk-secret"))
                .containsEntry("bootstrap.servers", "127.0.0.1:9092")
                .containsEntry("security.protocol", "SASL_PLAINTEXT")
                .containsEntry("sasl.mechanism", "PLAIN")
                .containsEntry(
                        "sasl.jaas.config",
                        "org.apache.kafka.common.security.plain.PlainLoginModule required "
                                + "username=\"risk-service\" password=\"risk-secret\";");
    }
}
