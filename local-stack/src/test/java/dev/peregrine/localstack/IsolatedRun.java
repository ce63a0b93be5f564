package dev.peregrine.localstack;

import dev.peregrine.common.Topics;
import dev.peregrine.testkit.InfrastructureEndpoints;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Keeps services started by one integration test apart from what the module's other tests left on the shared broker
 * and server: a database of their own, and consumer groups that start at the current end of every topic instead of
 * reading the other tests' records from the beginning ({@code auto-offset-reset: earliest}).
 */
public final class IsolatedRun {

    private static final Pattern DATABASE = Pattern.compile("^(jdbc:postgresql://[^/?]+/)([^?]*)(.*)$");
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    private IsolatedRun() {}

    /** Creates an empty database on the server the infrastructure points at and returns its JDBC URL. */
    public static String createDatabase(InfrastructureEndpoints infra, String name) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a plain database name: " + name);
        }
        Matcher url = DATABASE.matcher(infra.jdbcUrl());
        if (!url.matches()) {
            throw new IllegalStateException("cannot tell the database in " + infra.jdbcUrl());
        }
        JdbcClient.create(new DriverManagerDataSource(infra.jdbcUrl(), infra.jdbcUsername(), infra.jdbcPassword()))
                .sql("CREATE DATABASE " + name)
                .update();
        return url.group(1) + name + url.group(3);
    }

    /**
     * Commits, for each group, the current end offset of every partition of every existing main topic. A topic that
     * does not exist yet holds nothing to skip. The groups must not have members.
     */
    public static void startGroupsAtEnd(String bootstrapServers, List<String> groups) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<String> topics = Topics.ALL.stream().filter(existing::contains).toList();
            if (topics.isEmpty()) {
                return;
            }
            Map<String, TopicDescription> descriptions =
                    admin.describeTopics(topics).allTopicNames().get(30, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            descriptions
                    .values()
                    .forEach(d -> d.partitions()
                            .forEach(
                                    p -> latest.put(new TopicPartition(d.name(), p.partition()), OffsetSpec.latest())));
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends =
                    admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
            ends.forEach((partition, end) -> offsets.put(partition, new OffsetAndMetadata(end.offset())));
            for (String group : groups) {
                admin.alterConsumerGroupOffsets(group, offsets).all().get(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while setting consumer group offsets", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not set the consumer groups " + groups + " to the topics' ends", e);
        }
    }
}
