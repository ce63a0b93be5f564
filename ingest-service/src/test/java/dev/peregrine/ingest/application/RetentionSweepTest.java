package dev.peregrine.ingest.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.peregrine.ingest.application.port.out.RetentionStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RetentionSweepTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private final MemoryRetentionStore store = new MemoryRetentionStore();
    private final Fakes.RecordingMetrics metrics = new Fakes.RecordingMetrics();

    @Test
    void eachTableIsCutAtItsOwnAgeAgainstTheClock() {
        RetentionSweep sweep = new RetentionSweep(
                store,
                metrics,
                CLOCK,
                new RetentionSweep.Policy(Duration.ofDays(730), Duration.ofDays(90), Duration.ofHours(36), 100));

        sweep.sweep();

        // 2025 has 365 days and 2024 is a leap year, so 730 days before 2026-01-01 is 2024-01-02.
        assertThat(store.calls)
                .containsExactly(
                        new Call(RetentionSweep.CANDLES, Instant.parse("2024-01-02T00:00:00Z"), 100),
                        new Call(RetentionSweep.REJECTIONS, Instant.parse("2025-10-03T00:00:00Z"), 100),
                        new Call(RetentionSweep.CONNECTION_EVENTS, Instant.parse("2025-12-30T12:00:00Z"), 100));
    }

    @Test
    void deletesInChunksUntilAChunkComesBackShortAndKeepsTheYoungerRows() {
        Instant cutoff = NOW.minus(Duration.ofDays(10));
        store.add(RetentionSweep.CANDLES, 7, cutoff.minusSeconds(1));
        store.add(RetentionSweep.CANDLES, 2, cutoff);
        store.add(RetentionSweep.REJECTIONS, 6, cutoff.minus(Duration.ofDays(100)));
        RetentionSweep sweep = new RetentionSweep(
                store,
                metrics,
                CLOCK,
                new RetentionSweep.Policy(Duration.ofDays(10), Duration.ofDays(10), Duration.ofDays(10), 3));

        Map<String, Long> deleted = sweep.sweep();

        assertThat(deleted)
                .containsExactly(
                        Map.entry(RetentionSweep.CANDLES, 7L),
                        Map.entry(RetentionSweep.REJECTIONS, 6L),
                        Map.entry(RetentionSweep.CONNECTION_EVENTS, 0L));
        // 3 + 3 + 1 stops at the short chunk; 3 + 3 needs one more (empty) chunk to know that nothing is left.
        assertThat(store.callsTo(RetentionSweep.CANDLES)).isEqualTo(3);
        assertThat(store.callsTo(RetentionSweep.REJECTIONS)).isEqualTo(3);
        assertThat(store.callsTo(RetentionSweep.CONNECTION_EVENTS)).isEqualTo(1);
        assertThat(store.rows.get(RetentionSweep.CANDLES)).hasSize(2).containsOnly(cutoff);
        assertThat(store.rows.get(RetentionSweep.REJECTIONS)).isEmpty();
        assertThat(metrics.retentionDeleted)
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        RetentionSweep.CANDLES,
                        7L,
                        RetentionSweep.REJECTIONS,
                        6L,
                        RetentionSweep.CONNECTION_EVENTS,
                        0L));
        assertThat(metrics.retentionFailed).isEmpty();

        assertThat(sweep.sweep())
                .containsExactly(
                        Map.entry(RetentionSweep.CANDLES, 0L),
                        Map.entry(RetentionSweep.REJECTIONS, 0L),
                        Map.entry(RetentionSweep.CONNECTION_EVENTS, 0L));
        assertThat(store.rows.get(RetentionSweep.CANDLES)).hasSize(2);
    }

    @Test
    void aZeroAgeKeepsThatTableForeverAndTheStoreIsNotAskedAboutIt() {
        store.add(RetentionSweep.CANDLES, 5, Instant.EPOCH);
        store.add(RetentionSweep.REJECTIONS, 5, Instant.EPOCH);
        store.add(RetentionSweep.CONNECTION_EVENTS, 5, Instant.EPOCH);
        RetentionSweep sweep = new RetentionSweep(
                store,
                metrics,
                CLOCK,
                new RetentionSweep.Policy(Duration.ZERO, Duration.ofDays(90), Duration.ZERO, 100));

        assertThat(sweep.enabled()).isTrue();
        assertThat(sweep.sweep()).containsExactly(Map.entry(RetentionSweep.REJECTIONS, 5L));

        assertThat(store.calls).extracting(Call::table).containsExactly(RetentionSweep.REJECTIONS);
        assertThat(store.rows.get(RetentionSweep.CANDLES)).hasSize(5);
        assertThat(store.rows.get(RetentionSweep.CONNECTION_EVENTS)).hasSize(5);
        assertThat(metrics.retentionDeleted).containsOnlyKeys(RetentionSweep.REJECTIONS);
    }

    @Test
    void withEveryTableKeptForeverTheSweepIsDisabledAndDoesNothing() {
        store.add(RetentionSweep.CANDLES, 1, Instant.EPOCH);
        RetentionSweep sweep = new RetentionSweep(
                store, metrics, CLOCK, new RetentionSweep.Policy(Duration.ZERO, Duration.ZERO, Duration.ZERO, 100));

        assertThat(sweep.enabled()).isFalse();
        assertThat(sweep.sweep()).isEmpty();
        assertThat(store.calls).isEmpty();
        assertThat(metrics.retentionDeleted).isEmpty();
    }

    @Test
    void aFailingTableIsCountedAndLoggedAndTheOthersAreStillSwept() {
        store.add(RetentionSweep.CANDLES, 5, Instant.EPOCH);
        store.add(RetentionSweep.CONNECTION_EVENTS, 2, Instant.EPOCH);
        store.failingOnCall.put(RetentionSweep.CANDLES, 2);
        RetentionSweep sweep = new RetentionSweep(
                store,
                metrics,
                CLOCK,
                new RetentionSweep.Policy(Duration.ofDays(1), Duration.ofDays(1), Duration.ofDays(1), 2));

        Map<String, Long> deleted = sweep.sweep();

        assertThat(deleted)
                .containsExactly(
                        Map.entry(RetentionSweep.REJECTIONS, 0L), Map.entry(RetentionSweep.CONNECTION_EVENTS, 2L));
        assertThat(metrics.retentionFailed).containsExactlyEntriesOf(Map.of(RetentionSweep.CANDLES, 1));
        // The chunk deleted before the failure is counted.
        assertThat(metrics.retentionDeleted).containsEntry(RetentionSweep.CANDLES, 2L);
        assertThat(store.rows.get(RetentionSweep.CANDLES)).hasSize(3);

        store.failingOnCall.clear();
        assertThat(sweep.sweep()).containsEntry(RetentionSweep.CANDLES, 3L);
        assertThat(store.rows.get(RetentionSweep.CANDLES)).isEmpty();
    }

    @Test
    void anAgeBeyondTheClocksRangeDeletesNothing() {
        store.add(RetentionSweep.CANDLES, 1, Instant.MIN);
        RetentionSweep sweep = new RetentionSweep(
                store,
                metrics,
                CLOCK,
                new RetentionSweep.Policy(Duration.ofSeconds(Long.MAX_VALUE), Duration.ZERO, Duration.ZERO, 100));

        assertThat(sweep.sweep()).containsExactly(Map.entry(RetentionSweep.CANDLES, 0L));
        assertThat(store.calls).isEmpty();
        assertThat(metrics.retentionFailed).isEmpty();
    }

    @Test
    void aNegativeAgeOrAnEmptyChunkIsRefused() {
        assertThatThrownBy(() -> new RetentionSweep.Policy(Duration.ofDays(-1), Duration.ZERO, Duration.ZERO, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("candles");
        assertThatThrownBy(() -> new RetentionSweep.Policy(Duration.ZERO, Duration.ZERO, Duration.ofSeconds(-1), 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("connection_events");
        assertThatThrownBy(() -> new RetentionSweep.Policy(Duration.ZERO, Duration.ZERO, Duration.ZERO, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("batchSize");
    }

    private record Call(String table, Instant cutoff, int limit) {}

    /** Rows of each table reduced to their age column; a table can be told to fail on its n-th call. */
    private static final class MemoryRetentionStore implements RetentionStore {

        final Map<String, List<Instant>> rows = new HashMap<>();
        final List<Call> calls = new ArrayList<>();
        final Map<String, Integer> failingOnCall = new HashMap<>();

        void add(String table, int count, Instant at) {
            for (int i = 0; i < count; i++) {
                rows.computeIfAbsent(table, t -> new ArrayList<>()).add(at);
            }
        }

        long callsTo(String table) {
            return calls.stream().filter(c -> c.table().equals(table)).count();
        }

        @Override
        public int deletePublishedCandlesBefore(Instant cutoff, int limit) {
            return delete(RetentionSweep.CANDLES, cutoff, limit);
        }

        @Override
        public int deleteSettledRejectionsBefore(Instant cutoff, int limit) {
            return delete(RetentionSweep.REJECTIONS, cutoff, limit);
        }

        @Override
        public int deleteConnectionEventsBefore(Instant cutoff, int limit) {
            return delete(RetentionSweep.CONNECTION_EVENTS, cutoff, limit);
        }

        private int delete(String table, Instant cutoff, int limit) {
            calls.add(new Call(table, cutoff, limit));
            if (failingOnCall.containsKey(table) && callsTo(table) == failingOnCall.get(table)) {
                throw new IllegalStateException("connection lost");
            }
            List<Instant> tableRows = rows.computeIfAbsent(table, t -> new ArrayList<>());
            Set<Integer> picked = new HashSet<>();
            for (int i = 0; i < tableRows.size() && picked.size() < limit; i++) {
                if (tableRows.get(i).isBefore(cutoff)) {
                    picked.add(i);
                }
            }
            List<Instant> kept = new ArrayList<>();
            for (int i = 0; i < tableRows.size(); i++) {
                if (!picked.contains(i)) {
                    kept.add(tableRows.get(i));
                }
            }
            rows.put(table, kept);
            return picked.size();
        }
    }
}
