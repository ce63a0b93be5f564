package dev.peregrine.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.peregrine.common.TopicAccess;
import dev.peregrine.common.TopicAccess.Acl;
import dev.peregrine.common.TopicAccess.Operation;
import dev.peregrine.common.TopicAccess.ResourceType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The Strimzi {@code KafkaUser}s of {@code k8s/kafka/users.yaml} grant exactly {@link TopicAccess}: one SCRAM user per
 * principal, simple authorization, and every ACL of the table and no other, so that production refuses what the
 * secured test broker refuses.
 */
class KafkaUsersManifestTest {

    @Test
    void theKafkaUsersGrantExactlyTopicAccess() throws IOException {
        Set<Acl> granted = new HashSet<>();
        Set<String> users = new TreeSet<>();
        for (Object loaded :
                new Yaml().loadAll(Files.readString(repositoryRoot().resolve("k8s/kafka/users.yaml")))) {
            Map<?, ?> document = (Map<?, ?>) loaded;
            assertThat(document.get("kind")).isEqualTo("KafkaUser");
            String user = (String) ((Map<?, ?>) document.get("metadata")).get("name");
            users.add(user);
            Map<?, ?> spec = (Map<?, ?>) document.get("spec");
            assertThat(((Map<?, ?>) spec.get("authentication")).get("type"))
                    .as(user)
                    .isEqualTo("scram-sha-512");
            Map<?, ?> authorization = (Map<?, ?>) spec.get("authorization");
            assertThat(authorization.get("type")).as(user).isEqualTo("simple");
            for (Object entry : (List<?>) authorization.get("acls")) {
                Map<?, ?> rule = (Map<?, ?>) entry;
                Map<?, ?> resource = (Map<?, ?>) rule.get("resource");
                assertThat(rule.get("type")).as(user + " " + resource).isIn(null, "allow");
                ResourceType type = ResourceType.valueOf(((String) resource.get("type")).toUpperCase(Locale.ROOT));
                boolean prefixed = switch ((String) resource.get("patternType")) {
                    case "literal" -> false;
                    case "prefix" -> true;
                    default -> throw new AssertionError(user + ": unexpected patternType in " + resource);
                };
                for (Object operation : (List<?>) rule.get("operations")) {
                    granted.add(new Acl(
                            user,
                            type,
                            String.valueOf(resource.get("name")),
                            prefixed,
                            Operation.valueOf(((String) operation).toUpperCase(Locale.ROOT))));
                }
            }
        }
        assertThat(users)
                .containsExactlyInAnyOrderElementsOf(TopicAccess.PRINCIPALS.stream()
                        .map(TopicAccess.Principal::name)
                        .toList());
        assertThat(granted).containsExactlyInAnyOrderElementsOf(TopicAccess.allAcls());
    }

    private static Path repositoryRoot() {
        Path dir = Path.of(System.getProperty("basedir", System.getProperty("user.dir")))
                .toAbsolutePath();
        while (dir != null && !Files.isRegularFile(dir.resolve("k8s/kafka/users.yaml"))) {
            dir = dir.getParent();
        }
        assertThat(dir).as("repository root above the working directory").isNotNull();
        return dir;
    }
}
