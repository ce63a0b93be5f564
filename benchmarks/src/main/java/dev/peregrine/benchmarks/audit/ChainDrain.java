package dev.peregrine.benchmarks.audit;

import dev.peregrine.benchmarks.ingest.ReplayClient;
import java.io.PrintStream;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListGroupsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Waits until a replay run is no longer RUNNING ({@code GET /api/v1/replays/{id}}) and the chain behind it has
 * drained: every consumer group at lag 0 on every partition it reads, and nothing moving (no new row in the stores
 * the audit reads, no committed offset advancing) for the quiet period. Prints a progress line now and then.
 * Public for the monitor's cross-check ({@code crosscheck.MonitorCrossCheck}), which waits the same way.
 */
public final class ChainDrain implements AutoCloseable {

    /** How the wait ended: the run as ingest reports it last, whether the chain drained, and when it last moved. */
    public record Outcome(
            ReplayClient.Run run,
            boolean drained,
            Duration untilLastChange,
            Map<String, Long> counts,
            Map<String, Long> lagByGroup) {}

    /** What is compared between polls: the stores' counts, the committed offsets and the topics' ends. */
    private record State(Map<String, Long> counts, long committed, long ends, Map<String, Long> lagByGroup) {

        boolean sameProgress(State other) {
            return other != null && counts.equals(other.counts) && committed == other.committed && ends == other.ends;
        }

        long lag() {
            return lagByGroup.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private static final Duration POLL = Duration.ofSeconds(1);

    private final Admin admin;
    private final AuditStores stores;
    private final ReplayClient replays;
    private final PrintStream out;

    public ChainDrain(String kafkaBootstrapServers, AuditStores stores, ReplayClient replays, PrintStream out) {
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaBootstrapServers));
        this.stores = stores;
        this.replays = replays;
        this.out = out;
    }

    public Outcome await(UUID runId, AuditOptions options) throws ExecutionException, InterruptedException {
        long started = System.nanoTime();
        long[] lastChange = {started};
        long[] lastProgress = {started};
        State[] previous = {null};
        ReplayClient.Run[] run = {null};
        boolean drained;
        try {
            org.awaitility.Awaitility.await()
                    .atMost(options.timeout())
                    .pollInterval(POLL)
                    .pollDelay(Duration.ZERO)
                    .until(() -> {
                        run[0] = replays.find(runId);
                        State state = state();
                        long now = System.nanoTime();
                        if (!state.sameProgress(previous[0])) {
                            lastChange[0] = now;
                        }
                        previous[0] = state;
                        if (now - lastProgress[0] >= options.progress().toNanos()) {
                            lastProgress[0] = now;
                            out.printf(
                                    Locale.ROOT,
                                    "# %6.0f s  run %s: %,d lines, %,d candles published | %s | lag %s%n",
                                    (now - started) / 1e9,
                                    run[0].status(),
                                    run[0].linesRead(),
                                    run[0].candlesPublished(),
                                    state.counts().entrySet().stream()
                                            .map(e -> e.getKey() + " " + e.getValue())
                                            .collect(Collectors.joining(", ")),
                                    state.lagByGroup());
                        }
                        return !run[0].running()
                                && state.lag() == 0
                                && Duration.ofNanos(now - lastChange[0]).compareTo(options.quiet()) >= 0;
                    });
            drained = true;
        } catch (ConditionTimeoutException e) {
            drained = false;
        }
        State last = previous[0] == null ? state() : previous[0];
        return new Outcome(
                run[0], drained, Duration.ofNanos(lastChange[0] - started), last.counts(), last.lagByGroup());
    }

    private State state() throws ExecutionException, InterruptedException {
        Map<String, Long> counts = stores.counts();
        List<String> groups = admin.listGroups(ListGroupsOptions.forConsumerGroups()).all().get().stream()
                .map(GroupListing::groupId)
                .toList();
        Map<String, Map<TopicPartition, Long>> committedByGroup = new TreeMap<>();
        Set<TopicPartition> partitions = new HashSet<>();
        Map<String, ConsumerGroupDescription> descriptions =
                admin.describeConsumerGroups(groups).all().get();
        for (String group : groups) {
            Map<TopicPartition, Long> committed = new HashMap<>();
            Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata()
                    .get();
            offsets.forEach((partition, offset) -> committed.put(partition, offset == null ? 0 : offset.offset()));
            // Partitions a member reads but has not committed on yet count from the start (auto-offset-reset earliest).
            descriptions
                    .get(group)
                    .members()
                    .forEach(member -> member.assignment()
                            .topicPartitions()
                            .forEach(partition -> committed.putIfAbsent(partition, 0L)));
            committedByGroup.put(group, committed);
            partitions.addAll(committed.keySet());
        }
        Map<TopicPartition, OffsetSpec> latest =
                partitions.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()));
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends =
                latest.isEmpty() ? Map.of() : admin.listOffsets(latest).all().get();
        Map<String, Long> lagByGroup = new TreeMap<>();
        long committedTotal = 0;
        for (Map.Entry<String, Map<TopicPartition, Long>> group : committedByGroup.entrySet()) {
            long lag = 0;
            for (Map.Entry<TopicPartition, Long> committed : group.getValue().entrySet()) {
                long end = ends.get(committed.getKey()).offset();
                lag += Math.max(0, end - committed.getValue());
                committedTotal += committed.getValue();
            }
            lagByGroup.put(group.getKey(), lag);
        }
        long endTotal = ends.values().stream()
                .mapToLong(ListOffsetsResult.ListOffsetsResultInfo::offset)
                .sum();
        return new State(counts, committedTotal, endTotal, lagByGroup);
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
    }
}
