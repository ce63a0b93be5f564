package dev.peregrine.ingest.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * One replay of a file (kline CSV or WebSocket capture), from start to its final status.
 *
 * @param format     what the file holds
 * @param series     the series a kline file holds; empty for a capture (its messages name their symbols) and when
 *                   the run failed before it could be told
 * @param speed      0 = as fast as possible, N = N times real time
 * @param finishedAt set once the run left {@link ReplayStatus#RUNNING}
 * @param error      why a run failed or was cancelled
 * @param requestedBy the caller who started an {@link ReplayTrigger#OPERATOR} run, as the API authenticated them;
 *                    empty for a configured run (and for runs recorded before callers were)
 * @param cancelledBy the caller who cancelled the run; empty when nobody did
 */
public record ReplayRun(
        UUID id,
        String source,
        String file,
        ReplayFormat format,
        Optional<Series> series,
        int speed,
        ReplayTrigger trigger,
        ReplayStatus status,
        Instant startedAt,
        Optional<Instant> finishedAt,
        ReplayCounts counts,
        Optional<String> error,
        Optional<String> requestedBy,
        Optional<String> cancelledBy) {

    public ReplayRun {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(series, "series");
        Objects.requireNonNull(trigger, "trigger");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(finishedAt, "finishedAt");
        Objects.requireNonNull(counts, "counts");
        Objects.requireNonNull(error, "error");
        Objects.requireNonNull(requestedBy, "requestedBy");
        Objects.requireNonNull(cancelledBy, "cancelledBy");
        if (speed < 0) {
            throw new IllegalArgumentException("speed must not be negative: " + speed);
        }
        if ((status == ReplayStatus.RUNNING) == finishedAt.isPresent()) {
            throw new IllegalArgumentException("a run has a finish time exactly when it is no longer running");
        }
    }

    /** A kline file's run. */
    public static ReplayRun started(
            UUID id, String source, String file, Series series, int speed, ReplayTrigger trigger, Instant startedAt) {
        return started(id, source, file, ReplayFormat.KLINES_CSV, Optional.of(series), speed, trigger, startedAt);
    }

    public static ReplayRun started(
            UUID id,
            String source,
            String file,
            ReplayFormat format,
            Optional<Series> series,
            int speed,
            ReplayTrigger trigger,
            Instant startedAt) {
        if (format == ReplayFormat.KLINES_CSV && series.isEmpty()) {
            throw new IllegalArgumentException("a kline file's run needs the series of its candles");
        }
        return new ReplayRun(
                id,
                source,
                file,
                format,
                series,
                speed,
                trigger,
                ReplayStatus.RUNNING,
                startedAt,
                Optional.empty(),
                ReplayCounts.NONE,
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
    }

    /** A run that could not even start, recorded so that operators and the health check see why. */
    public static ReplayRun failedToStart(
            UUID id,
            String source,
            String file,
            Optional<Series> series,
            int speed,
            ReplayTrigger trigger,
            Instant at,
            String error) {
        return failedToStart(id, source, file, ReplayFormat.KLINES_CSV, series, speed, trigger, at, error);
    }

    public static ReplayRun failedToStart(
            UUID id,
            String source,
            String file,
            ReplayFormat format,
            Optional<Series> series,
            int speed,
            ReplayTrigger trigger,
            Instant at,
            String error) {
        return new ReplayRun(
                id,
                source,
                file,
                format,
                series,
                speed,
                trigger,
                ReplayStatus.FAILED,
                at,
                Optional.of(at),
                ReplayCounts.NONE,
                Optional.of(error),
                Optional.empty(),
                Optional.empty());
    }

    /** This run as started by {@code caller} (the authenticated caller's name; null or blank leaves it unnamed). */
    public ReplayRun requestedBy(String caller) {
        return new ReplayRun(
                id,
                source,
                file,
                format,
                series,
                speed,
                trigger,
                status,
                startedAt,
                finishedAt,
                counts,
                error,
                named(caller),
                cancelledBy);
    }

    public ReplayRun withCounts(ReplayCounts newCounts) {
        requireRunning();
        return new ReplayRun(
                id,
                source,
                file,
                format,
                series,
                speed,
                trigger,
                status,
                startedAt,
                finishedAt,
                newCounts,
                error,
                requestedBy,
                cancelledBy);
    }

    public ReplayRun completed(ReplayCounts finalCounts, Instant at) {
        return finish(ReplayStatus.COMPLETED, finalCounts, at, Optional.empty());
    }

    public ReplayRun failed(ReplayCounts finalCounts, Instant at, String reason) {
        return finish(ReplayStatus.FAILED, finalCounts, at, Optional.of(reason));
    }

    public ReplayRun cancelled(ReplayCounts finalCounts, Instant at, String reason) {
        return finish(ReplayStatus.CANCELLED, finalCounts, at, Optional.of(reason));
    }

    /** Cancelled by {@code caller} (null or blank: by an unnamed caller). */
    public ReplayRun cancelledBy(String caller, ReplayCounts finalCounts, Instant at, String reason) {
        ReplayRun cancelled = cancelled(finalCounts, at, reason);
        return new ReplayRun(
                id,
                source,
                file,
                format,
                series,
                speed,
                trigger,
                cancelled.status,
                startedAt,
                cancelled.finishedAt,
                cancelled.counts,
                cancelled.error,
                requestedBy,
                named(caller));
    }

    public boolean running() {
        return status == ReplayStatus.RUNNING;
    }

    private ReplayRun finish(ReplayStatus finalStatus, ReplayCounts finalCounts, Instant at, Optional<String> reason) {
        requireRunning();
        return new ReplayRun(
                id,
                source,
                file,
                format,
                series,
                speed,
                trigger,
                finalStatus,
                startedAt,
                Optional.of(at),
                finalCounts,
                reason,
                requestedBy,
                cancelledBy);
    }

    private static Optional<String> named(String caller) {
        return caller == null || caller.isBlank() ? Optional.empty() : Optional.of(caller.strip());
    }

    private void requireRunning() {
        if (!running()) {
            throw new IllegalStateException("replay run " + id + " is already " + status);
        }
    }
}
