package dev.peregrine.platform.kafka;

import dev.peregrine.common.Topics;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Every service declares every topic and its dead-letter topic: creation is idempotent, and no service
 * has to wait for another to start before it can publish or subscribe.
 */
public final class TopicDeclarations {

    private TopicDeclarations() {}

    public static KafkaAdmin.NewTopics allTopics(KafkaPlatformProperties properties) {
        List<NewTopic> topics = new ArrayList<>();
        for (String topic : Topics.ALL) {
            topics.add(new NewTopic(topic, properties.partitions(), properties.replicationFactor()));
            topics.add(
                    new NewTopic(Topics.deadLetterOf(topic), properties.partitions(), properties.replicationFactor()));
        }
        return new KafkaAdmin.NewTopics(topics.toArray(NewTopic[]::new));
    }
}
