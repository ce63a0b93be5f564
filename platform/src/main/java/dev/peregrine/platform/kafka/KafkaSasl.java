package dev.peregrine.platform.kafka;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.config.SaslConfigs;

/**
 * Turns {@link KafkaSaslProperties} into the client properties every Kafka client of a service gets (producers,
 * consumers, the admin of the topic declarations, the health check, the dead-letter re-drive): {@code sasl.mechanism}
 * and {@code sasl.jaas.config}. A configuration that could connect as nobody, or as someone else than meant, stops the
 * service with a message naming the property; the password itself is never part of a message or a log line (Kafka
 * prints {@code sasl.jaas.config} as {@code [hidden]}).
 */
public final class KafkaSasl {

    static final Set<String> MECHANISMS = Set.of("PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512");
    static final Set<String> SASL_PROTOCOLS = Set.of("SASL_PLAINTEXT", "SASL_SSL");

    private KafkaSasl() {}

    /**
     * The properties to add, empty when no username is set.
     *
     * @param securityProtocol {@code spring.kafka.security.protocol}, null when unset
     * @param existing         {@code spring.kafka.properties}, which must not carry a second {@code sasl.jaas.config}
     */
    public static Map<String, String> clientProperties(
            KafkaSaslProperties sasl, String securityProtocol, Map<String, String> existing) {
        if (!sasl.configured()) {
            return Map.of();
        }
        String mechanism = sasl.mechanism() == null ? "" : sasl.mechanism().trim();
        if (!MECHANISMS.contains(mechanism)) {
            throw new IllegalStateException(KafkaSaslProperties.PREFIX + ".mechanism is '" + mechanism
                    + "': set it to one of " + MECHANISMS.stream().sorted().toList());
        }
        if (securityProtocol == null
                || !SASL_PROTOCOLS.contains(securityProtocol.trim().toUpperCase(java.util.Locale.ROOT))) {
            throw new IllegalStateException(
                    KafkaSaslProperties.PREFIX + ".username is set but spring.kafka.security.protocol is "
                            + (securityProtocol == null ? "unset" : "'" + securityProtocol + "'")
                            + ": set SPRING_KAFKA_SECURITY_PROTOCOL to SASL_SSL (or SASL_PLAINTEXT on a trusted network)");
        }
        if (existing.containsKey(SaslConfigs.SASL_JAAS_CONFIG)) {
            throw new IllegalStateException(KafkaSaslProperties.PREFIX + ".username and spring.kafka.properties."
                    + SaslConfigs.SASL_JAAS_CONFIG + " are both set: keep one (SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG"
                    + " or PEREGRINE_KAFKA_SASL_USERNAME with its password)");
        }
        String password = password(sasl);
        String module = mechanism.equals("PLAIN")
                ? "org.apache.kafka.common.security.plain.PlainLoginModule"
                : "org.apache.kafka.common.security.scram.ScramLoginModule";
        return Map.of(
                SaslConfigs.SASL_MECHANISM,
                mechanism,
                SaslConfigs.SASL_JAAS_CONFIG,
                module + " required username=\"" + quoted(sasl.username().trim()) + "\" password=\"" + quoted(password)
                        + "\";");
    }

    private static String password(KafkaSaslProperties sasl) {
        boolean inline = sasl.password() != null && !sasl.password().isEmpty();
        if (inline == (sasl.passwordFile() != null)) {
            throw new IllegalStateException(KafkaSaslProperties.PREFIX + ".username is set: set exactly one of "
                    + KafkaSaslProperties.PREFIX
                    + ".password-file (PEREGRINE_KAFKA_SASL_PASSWORD_FILE, a mounted Secret) and "
                    + KafkaSaslProperties.PREFIX + ".password (PEREGRINE_KAFKA_SASL_PASSWORD)");
        }
        if (inline) {
            return sasl.password();
        }
        String read;
        try {
            read = Files.readString(sasl.passwordFile(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(
                    "cannot read " + KafkaSaslProperties.PREFIX + ".password-file " + sasl.passwordFile() + ": "
                            + e.getClass().getSimpleName(),
                    e);
        }
        String password = read.replaceAll("[\\r\\n]+$", "");
        if (password.isEmpty()) {
            throw new IllegalStateException(
                    KafkaSaslProperties.PREFIX + ".password-file " + sasl.passwordFile() + " is empty");
        }
        return password;
    }

    /** Escapes for a double-quoted JAAS option value. */
    static String quoted(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
