package dev.peregrine.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.peregrine.common.TopicAccess;
import dev.peregrine.common.Topics;
import dev.peregrine.testkit.SecuredKafka;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourceType;
import org.junit.jupiter.api.Test;

class KafkaAclsTest {

    @Test
    void everyRuleOfTheTableBecomesOneAllowBinding() {
        assertThat(KafkaAcls.bindings()).hasSize(TopicAccess.allAcls().size()).doesNotHaveDuplicates();
        assertThat(KafkaAcls.bindings()).anySatisfy(binding -> {
            assertThat(binding.pattern().resourceType()).isEqualTo(ResourceType.TOPIC);
            assertThat(binding.pattern().name()).isEqualTo(Topics.ORDERS_INTENTS);
            assertThat(binding.entry().principal()).isEqualTo("User:" + TopicAccess.RISK);
            assertThat(binding.entry().operation()).isEqualTo(AclOperation.WRITE);
        });
        assertThat(KafkaAcls.bindings())
                .noneSatisfy(binding -> assertThat(binding.pattern().name()
                                + binding.entry().principal()
                                + binding.entry().operation())
                        .isEqualTo(Topics.ORDERS_INTENTS + "User:" + TopicAccess.SIGNAL + AclOperation.WRITE));
        assertThat(KafkaAcls.bindings())
                .filteredOn(binding -> binding.pattern().patternType() == PatternType.PREFIXED)
                .extracting(AclBinding::pattern)
                .extracting(pattern -> pattern.resourceType() + ":" + pattern.name())
                .containsExactly("GROUP:" + TopicAccess.OPERATOR + "-");
    }

    /**
     * testkit cannot depend on platform (platform's tests depend on testkit), so its secured test broker keeps its own
     * conversion: this keeps the two the same.
     */
    @Test
    void theSecuredTestBrokerGrantsTheSameBindings() {
        assertThat(SecuredKafka.aclBindings()).containsExactlyElementsOf(KafkaAcls.bindings());
    }
}
