package dev.peregrine.ingest.config;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;

/**
 * {@code peregrine.ingest.retention}: deletion of old rows (docs/ingest.md, "Retention"). An age of 0 or none keeps
 * that table's rows forever.
 *
 * @param candles          published candles older than this by open time are deleted; unpublished ones never
 * @param rejections       rejections older than this by rejected_at are deleted once their incident was published
 *                         or when they name no series (no incident to publish)
 * @param connectionEvents connection events older than this by occurred_at are deleted
 * @param sweepInterval    time between sweeps; the first runs one interval after start-up
 * @param batchSize        most rows one DELETE statement removes, so that no sweep holds locks for long
 */
public record RetentionProperties(
        Duration candles,
        Duration rejections,
        Duration connectionEvents,
        @NotNull(message = SWEEP_MESSAGE) Duration sweepInterval,

        @Min(value = 100, message = RETENTION_BATCH_MESSAGE) @Max(value = 1_000_000, message = RETENTION_BATCH_MESSAGE)
        int batchSize) {

    private static final String CANDLES_MESSAGE = "peregrine.ingest.retention.candles cannot be negative: an age "
            + "such as P730D, or 0 to keep candles forever";
    private static final String REJECTIONS_MESSAGE = "peregrine.ingest.retention.rejections cannot be negative: an "
            + "age such as P90D, or 0 to keep rejections forever";
    private static final String CONNECTION_EVENTS_MESSAGE = "peregrine.ingest.retention.connection-events cannot be "
            + "negative: an age such as P90D, or 0 to keep connection events forever";
    private static final String SWEEP_MESSAGE =
            "peregrine.ingest.retention.sweep-interval must be at least 1m, " + "e.g. 1h";
    private static final String RETENTION_BATCH_MESSAGE = "peregrine.ingest.retention.batch-size must be between "
            + "100 and 1000000 (rows deleted per statement), e.g. 10000";

    @AssertTrue(message = CANDLES_MESSAGE)
    public boolean isCandlesNotNegative() {
        return candles == null || !candles.isNegative();
    }

    @AssertTrue(message = REJECTIONS_MESSAGE)
    public boolean isRejectionsNotNegative() {
        return rejections == null || !rejections.isNegative();
    }

    @AssertTrue(message = CONNECTION_EVENTS_MESSAGE)
    public boolean isConnectionEventsNotNegative() {
        return connectionEvents == null || !connectionEvents.isNegative();
    }

    @AssertTrue(message = SWEEP_MESSAGE)
    public boolean isSweepIntervalAtLeastAMinute() {
        return sweepInterval == null || sweepInterval.compareTo(Duration.ofMinutes(1)) >= 0;
    }
}
