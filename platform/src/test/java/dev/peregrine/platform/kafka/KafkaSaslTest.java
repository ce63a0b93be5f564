package dev.peregrine.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaSaslTest {

    private static final String SECRET = "s3cr\"et\\pw";

    @Test
    void noUsernameAddsNothing() {
        assertThat(KafkaSasl.clientProperties(KafkaSaslProperties.none(), null, Map.of()))
                .isEmpty();
        assertThat(KafkaSasl.clientProperties(new KafkaSaslProperties("PLAIN", " ", "x", null), "SASL_SSL", Map.of()))
                .isEmpty();
    }

    @Test
    void aScramUserWithAPasswordFileGetsAScramLogin(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("password");
        Files.writeString(file, SECRET + "\n");
        Map<String, String> properties = KafkaSasl.clientProperties(
                new KafkaSaslProperties("SCRAM-SHA-512", "risk-service", null, file), "SASL_SSL", Map.of());
        assertThat(properties)
                .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                .containsEntry(
                        "sasl.jaas.config",
                        "org.apache.kafka.common.security.scram.ScramLoginModule required"
                                + " username=\"risk-service\" password=\"s3cr\\\"et\\\\pw\";");
    }

    @Test
    void aPlainUserWithAnInlinePasswordGetsAPlainLogin() {
        Map<String, String> properties = KafkaSasl.clientProperties(
                new KafkaSaslProperties("PLAIN", "signal-service", "pw", null), "sasl_plaintext", Map.of());
        assertThat(properties).containsEntry("sasl.mechanism", "PLAIN");
        assertThat(properties.get("sasl.jaas.config"))
                .startsWith("org.apache.kafka.common.security.plain.PlainLoginModule required");
    }

    @Test
    void aConfigurationThatCouldNotAuthenticateAsMeantStopsTheServiceWithoutNamingThePassword(@TempDir Path dir)
            throws IOException {
        assertThatThrownBy(() -> KafkaSasl.clientProperties(
                        new KafkaSaslProperties("SCRAM-SHA-512", "risk-service", SECRET, null), null, Map.of()))
                .hasMessageContaining("SPRING_KAFKA_SECURITY_PROTOCOL")
                .hasMessageNotContaining(SECRET);
        assertThatThrownBy(() -> KafkaSasl.clientProperties(
                        new KafkaSaslProperties("SCRAM-SHA-512", "risk-service", SECRET, null), "PLAINTEXT", Map.of()))
                .hasMessageContaining("'PLAINTEXT'");
        assertThatThrownBy(() -> KafkaSasl.clientProperties(
                        new KafkaSaslProperties("GSSAPI", "risk-service", SECRET, null), "SASL_SSL", Map.of()))
                .hasMessageContaining("peregrine.kafka.sasl.mechanism");
        assertThatThrownBy(() -> KafkaSasl.clientProperties(
                        new KafkaSaslProperties("PLAIN", "risk-service", null, null), "SASL_SSL", Map.of()))
                .hasMessageContaining("exactly one of");
        Path file = dir.resolve("password");
        Files.writeString(file, SECRET);
        assertThatThrownBy(() -> KafkaSasl.clientProperties(
                        new KafkaSaslProperties("PLAIN", "risk-service", SECRET, file), "SASL_SSL", Map.of()))
                .hasMessageContaining("exactly one of")
                .hasMessageNotContaining(SECRET);
        assertThatThrownBy(() -> KafkaSasl.clientProperties(
                        new KafkaSaslProperties("PLAIN", "risk-service", null, dir.resolve("missing")),
                        "SASL_SSL",
                        Map.of()))
                .hasMessageContaining("cannot read peregrine.kafka.sasl.password-file");
        Files.writeString(file, "\n");
        assertThatThrownBy(() -> KafkaSasl.clientProperties(
                        new KafkaSaslProperties("PLAIN", "risk-service", null, file), "SASL_SSL", Map.of()))
                .hasMessageContaining("is empty");
        assertThatThrownBy(() -> KafkaSasl.clientProperties(
                        new KafkaSaslProperties("PLAIN", "risk-service", SECRET, null),
                        "SASL_SSL",
                        Map.of("sasl.jaas.config", "other")))
                .hasMessageContaining("both set");
    }

    @Test
    void thePropertiesNeverPrintThePassword() {
        assertThat(new KafkaSaslProperties("PLAIN", "risk-service", SECRET, null).toString())
                .contains("risk-service")
                .doesNotContain(SECRET);
    }
}
