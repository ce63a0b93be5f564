package dev.peregrine.platform.kafka;

import java.nio.file.Path;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The Kafka user a service authenticates as ({@code peregrine.kafka.sasl.*}, e.g. {@code PEREGRINE_KAFKA_SASL_USERNAME}
 * and {@code PEREGRINE_KAFKA_SASL_PASSWORD_FILE}). Unset username: the platform adds nothing, and the connection is what
 * {@code spring.kafka.*} says (plain, or a whole {@code spring.kafka.properties.sasl.jaas.config} from a Secret).
 *
 * @param mechanism    {@code SCRAM-SHA-512} (default, Strimzi), {@code SCRAM-SHA-256} or {@code PLAIN}
 * @param username     the Kafka user, for a service its own name (docs/architecture.md, "Who may write and read")
 * @param password     the password; prefer {@code passwordFile}
 * @param passwordFile a file holding the password (a mounted Secret); trailing line breaks are ignored
 */
public record KafkaSaslProperties(
        @DefaultValue("SCRAM-SHA-512") String mechanism, String username, String password, Path passwordFile) {

    public static final String PREFIX = "peregrine.kafka.sasl";

    public static KafkaSaslProperties none() {
        return new KafkaSaslProperties("SCRAM-SHA-512", null, null, null);
    }

    public boolean configured() {
        return username != null && !username.isBlank();
    }

    /** Never prints the password. */
    @Override
    public String toString() {
        return "KafkaSaslProperties[mechanism=" + mechanism + ", username=" + username + ", password="
                + (password == null || password.isEmpty() ? "unset" : "******") + ", passwordFile=" + passwordFile
                + "]";
    }
}
