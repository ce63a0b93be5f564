package dev.peregrine.ingest.application;

import dev.peregrine.ingest.application.port.out.IngestMetrics;
import dev.peregrine.ingest.application.port.out.RetentionStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes rows older than their table's retention: published candles by open time, settled rejections by
 * rejected_at, connection events by occurred_at. Each table is emptied of its old rows in chunks of
 * {@link Policy#batchSize()}, one short statement each, until a chunk comes back short. A table whose sweep fails
 * is logged and counted and the others are still swept; what is left is deleted by the next sweep. Replay runs and
 * instruments are never deleted.
 */
public final class RetentionSweep {

    public static final String CANDLES = "candles";
    public static final String REJECTIONS = "rejections";
    public static final String CONNECTION_EVENTS = "connection_events";

    private static final Logger log = LoggerFactory.getLogger(RetentionSweep.class);

    /**
     * How long each table's rows are kept; {@link Duration#ZERO} keeps them forever.
     *
     * @param batchSize most rows deleted per statement
     */
    public record Policy(Duration candles, Duration rejections, Duration connectionEvents, int batchSize) {

        public Policy {
            requireNotNegative(candles, CANDLES);
            requireNotNegative(rejections, REJECTIONS);
            requireNotNegative(connectionEvents, CONNECTION_EVENTS);
            if (batchSize < 1) {
                throw new IllegalArgumentException("batchSize must be at least 1, was " + batchSize);
            }
        }

        private static void requireNotNegative(Duration maxAge, String table) {
            Objects.requireNonNull(maxAge, table);
            if (maxAge.isNegative()) {
                throw new IllegalArgumentException("the retention of " + table + " cannot be negative, was " + maxAge);
            }
        }
    }

    @FunctionalInterface
    private interface Deletion {
        int delete(Instant cutoff, int limit);
    }

    private record Target(String table, Duration maxAge, Deletion deletion) {}

    private final IngestMetrics metrics;
    private final Clock clock;
    private final int batchSize;
    private final List<Target> targets;

    public RetentionSweep(RetentionStore store, IngestMetrics metrics, Clock clock, Policy policy) {
        Objects.requireNonNull(store, "store");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.batchSize = policy.batchSize();
        this.targets = List.of(
                new Target(CANDLES, policy.candles(), store::deletePublishedCandlesBefore),
                new Target(REJECTIONS, policy.rejections(), store::deleteSettledRejectionsBefore),
                new Target(CONNECTION_EVENTS, policy.connectionEvents(), store::deleteConnectionEventsBefore));
    }

    /** Whether any table has a retention at all; if not, sweeping is pointless. */
    public boolean enabled() {
        return targets.stream().anyMatch(t -> !t.maxAge().isZero());
    }

    /**
     * Sweeps every table with a retention, against one reading of the clock.
     *
     * @return rows deleted per table swept to the end, in sweep order; tables kept forever, failed or left
     *         unfinished by an interrupt (shutdown) are absent
     */
    public Map<String, Long> sweep() {
        Instant now = clock.instant();
        Map<String, Long> swept = new LinkedHashMap<>();
        for (Target target : targets) {
            if (target.maxAge().isZero()) {
                continue;
            }
            if (Thread.currentThread().isInterrupted()) {
                log.info("Retention sweep interrupted before ingest.{}", target.table());
                break;
            }
            // An age reaching back before the earliest Instant leaves nothing old enough to delete.
            if (target.maxAge().compareTo(Duration.between(Instant.MIN, now)) >= 0) {
                swept.put(target.table(), 0L);
                continue;
            }
            sweep(target, now.minus(target.maxAge())).ifPresent(rows -> swept.put(target.table(), rows));
        }
        return swept;
    }

    private Optional<Long> sweep(Target target, Instant cutoff) {
        long rows = 0;
        try {
            int chunk;
            do {
                chunk = target.deletion().delete(cutoff, batchSize);
                rows += chunk;
            } while (chunk >= batchSize && !Thread.currentThread().isInterrupted());
            if (chunk >= batchSize) {
                log.info(
                        "Retention sweep of ingest.{} interrupted after deleting {} rows before {}",
                        target.table(),
                        rows,
                        cutoff);
                return Optional.empty();
            }
            if (rows > 0) {
                log.info(
                        "Retention deleted {} rows of ingest.{} older than {} (before {})",
                        rows,
                        target.table(),
                        describe(target.maxAge()),
                        cutoff);
            } else {
                log.debug(
                        "Retention found no rows of ingest.{} older than {} (before {})",
                        target.table(),
                        describe(target.maxAge()),
                        cutoff);
            }
            return Optional.of(rows);
        } catch (RuntimeException e) {
            metrics.retentionFailed(target.table());
            log.error(
                    "Retention sweep of ingest.{} failed after deleting {} rows; the next sweep tries again: {}",
                    target.table(),
                    rows,
                    e.getMessage(),
                    e);
            return Optional.empty();
        } finally {
            metrics.retentionDeleted(target.table(), rows);
        }
    }

    /** P730D rather than Duration's PT17520H, as the age is configured. */
    private static String describe(Duration age) {
        return age.toSeconds() % 86_400 == 0 && age.toNanosPart() == 0 ? "P" + age.toDays() + "D" : age.toString();
    }
}
