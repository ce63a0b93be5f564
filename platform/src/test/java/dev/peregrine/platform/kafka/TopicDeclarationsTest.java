package dev.peregrine.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.peregrine.common.Topics;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.KafkaAdmin;

class TopicDeclarationsTest {

    private static KafkaPlatformProperties properties(int partitions, short replicationFactor) {
        return new KafkaPlatformProperties(
                partitions,
                replicationFactor,
                Duration.ofSeconds(10),
                5,
                Duration.ofMillis(200),
                Duration.ofSeconds(5),
                Duration.ofSeconds(3));
    }

    /** Spring Kafka keeps {@code NewTopics.getNewTopics()} package-private; KafkaAdmin is its only caller. */
    @SuppressWarnings("unchecked")
    private static Collection<NewTopic> declared(KafkaPlatformProperties properties)
            throws ReflectiveOperationException {
        KafkaAdmin.NewTopics newTopics = TopicDeclarations.allTopics(properties);
        Method getter = KafkaAdmin.NewTopics.class.getDeclaredMethod("getNewTopics");
        getter.setAccessible(true);
        return (Collection<NewTopic>) getter.invoke(newTopics);
    }

    @Test
    void declaresEveryTopicAndItsDeadLetterTopicExactlyOnce() throws Exception {
        Collection<NewTopic> declared = declared(properties(3, (short) 1));

        List<String> expected = Topics.ALL.stream()
                .flatMap(topic -> Stream.of(topic, topic + ".dlt"))
                .toList();
        assertThat(declared).extracting(NewTopic::name).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(declared).hasSize(2 * Topics.ALL.size());
    }

    @Test
    void takesPartitionsAndReplicationFromTheProperties() throws Exception {
        Collection<NewTopic> declared = declared(properties(7, (short) 3));

        assertThat(declared).isNotEmpty().allSatisfy(topic -> {
            assertThat(topic.numPartitions()).as(topic.name()).isEqualTo(7);
            assertThat(topic.replicationFactor()).as(topic.name()).isEqualTo((short) 3);
        });
    }
}
