package dev.peregrine.platform.kafka;

import dev.peregrine.common.TopicAccess;
import java.util.List;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/**
 * The ACLs of {@link TopicAccess} (the one table of who may write and read what) as Kafka's Admin client takes them:
 * each rule an {@code ALLOW} for {@code User:<principal>} from any host. Used by every broker the project sets up
 * itself with authorization on: the local stack's and testkit's secured test broker.
 */
public final class KafkaAcls {

    private KafkaAcls() {}

    /** Every rule of {@link TopicAccess#allAcls()}, in its order. */
    public static List<AclBinding> bindings() {
        return TopicAccess.allAcls().stream().map(KafkaAcls::binding).toList();
    }

    static AclBinding binding(TopicAccess.Acl acl) {
        return new AclBinding(
                new ResourcePattern(
                        acl.resourceType() == TopicAccess.ResourceType.TOPIC ? ResourceType.TOPIC : ResourceType.GROUP,
                        acl.name(),
                        acl.prefixed() ? PatternType.PREFIXED : PatternType.LITERAL),
                new AccessControlEntry(
                        "User:" + acl.principal(),
                        "*",
                        AclOperation.valueOf(acl.operation().name()),
                        AclPermissionType.ALLOW));
    }
}
