package dev.peregrine.ingest.application;

import dev.peregrine.common.event.CandleClosed;
import dev.peregrine.common.event.PeregrineEvent;
import dev.peregrine.common.event.QualityIncident;
import dev.peregrine.common.id.IdGenerator;
import dev.peregrine.common.value.Symbol;
import dev.peregrine.ingest.application.port.out.CandleStore;
import dev.peregrine.ingest.application.port.out.IngestMetrics;
import dev.peregrine.ingest.application.port.out.KlineSource;
import dev.peregrine.ingest.application.port.out.MarketEventPublisher;
import dev.peregrine.ingest.application.port.out.NewCandle;
import dev.peregrine.ingest.application.port.out.NewRejection;
import dev.peregrine.ingest.application.port.out.Pacer;
import dev.peregrine.ingest.application.port.out.RejectionStore;
import dev.peregrine.ingest.application.port.out.ReplayRunStore;
import dev.peregrine.ingest.application.port.out.StoredCandle;
import dev.peregrine.ingest.application.port.out.StoredRejection;
import dev.peregrine.ingest.domain.MessageKind;
import dev.peregrine.ingest.domain.RejectionReason;
import dev.peregrine.ingest.domain.ReplayRun;
import dev.peregrine.ingest.domain.ReplayStatus;
import dev.peregrine.ingest.domain.Series;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/** In-memory stand-ins for ingest's outbound ports. */
final class Fakes {

    /** The speed-0 pipeline's two threads, as the configuration makes them (daemons, ended after a minute idle). */
    static ExecutorService pipelineThreads() {
        ThreadPoolExecutor threads = new ThreadPoolExecutor(
                2,
                2,
                1,
                TimeUnit.MINUTES,
                new LinkedBlockingQueue<>(),
                Thread.ofPlatform().name("replay-pipeline").daemon(true).factory());
        threads.allowCoreThreadTimeOut(true);
        return threads;
    }

    private Fakes() {}

    /** Ids 00000000-0000-0000-0000-000000000001, ...2, ... in order. */
    static final class SequentialIds implements IdGenerator {
        private long next = 1;

        @Override
        public synchronized UUID next() {
            return new UUID(0, next++);
        }
    }

    /** Files held in memory; a file can be set to fail after a number of lines. */
    static final class MemoryKlineSource implements KlineSource {
        final Map<String, List<String>> files = new HashMap<>();
        final Map<String, Integer> failAfter = new HashMap<>();
        /** Lines longer than this come back cut, with their length, as a bounded file source returns them. */
        int maxLineLength = Integer.MAX_VALUE;

        MemoryKlineSource file(String location, List<String> lines) {
            files.put(location, List.copyOf(lines));
            return this;
        }

        @Override
        public Optional<String> unreadableReason(String location) {
            return files.containsKey(location) ? Optional.empty() : Optional.of("does not exist");
        }

        @Override
        public String fileName(String location) {
            return location.substring(location.lastIndexOf('/') + 1);
        }

        @Override
        public Lines open(String location) throws IOException {
            List<String> lines = files.get(location);
            if (lines == null) {
                throw new IOException(location + " does not exist");
            }
            Iterator<String> iterator = lines.iterator();
            int limit = failAfter.getOrDefault(location, Integer.MAX_VALUE);
            return new Lines() {
                int read;
                long cutLength;

                @Override
                public String nextLine() throws IOException {
                    if (read++ >= limit) {
                        throw new IOException("Unexpected end of ZLIB input stream");
                    }
                    String line = iterator.hasNext() ? iterator.next() : null;
                    cutLength = line != null && line.length() > maxLineLength ? line.length() : 0;
                    return cutLength > 0 ? line.substring(0, maxLineLength) : line;
                }

                @Override
                public long cutLength() {
                    return cutLength;
                }

                @Override
                public void close() {}
            };
        }
    }

    static final class MemoryCandleStore implements CandleStore {
        final Map<String, StoredCandle> rows = new LinkedHashMap<>();
        /** The publication each stored key is to go out in, as the database keeps it. */
        final Map<String, UUID> publicationOf = new HashMap<>();

        final Map<UUID, Instant> publications = new HashMap<>();
        /** How many candles each {@link #storeAllIfAbsent} call offered. */
        final List<Integer> batches = new ArrayList<>();
        /** Thrown by {@link #markPublished} when set, like a database going away after the broker acknowledged. */
        RuntimeException markFailure;

        @Override
        public synchronized StoredCandle storeIfAbsent(NewCandle candle, UUID publicationId) {
            String key = candle.candle().symbol() + "|" + candle.candle().interval() + "|"
                    + candle.candle().openTime();
            StoredCandle row = rows.computeIfAbsent(
                    key,
                    k -> new StoredCandle(
                            candle.candle(),
                            candle.qualityFlags(),
                            candle.source(),
                            candle.eventId(),
                            Optional.empty()));
            Optional<Instant> publishedAt =
                    Optional.ofNullable(publicationOf.get(key)).map(publications::get);
            if (publishedAt.isEmpty()) {
                publicationOf.put(key, publicationId);
            }
            return new StoredCandle(row.candle(), row.qualityFlags(), row.source(), row.eventId(), publishedAt);
        }

        @Override
        public synchronized List<StoredCandle> storeAllIfAbsent(List<NewCandle> candles, UUID publicationId) {
            batches.add(candles.size());
            return candles.stream()
                    .map(candle -> storeIfAbsent(candle, publicationId))
                    .toList();
        }

        @Override
        public synchronized void markPublished(UUID publicationId, Instant publishedAt) {
            if (markFailure != null) {
                throw markFailure;
            }
            publications.putIfAbsent(publicationId, publishedAt);
        }

        private Optional<Instant> publishedAt(String key) {
            return Optional.ofNullable(publicationOf.get(key)).map(publications::get);
        }

        @Override
        public synchronized Optional<Instant> latestPublishedOpenTime(Series series) {
            return rows.entrySet().stream()
                    .filter(row -> row.getValue().candle().series().equals(series)
                            && publishedAt(row.getKey()).isPresent())
                    .map(row -> row.getValue().candle().openTime())
                    .max(Comparator.naturalOrder());
        }

        synchronized long published() {
            return rows.keySet().stream()
                    .filter(key -> publishedAt(key).isPresent())
                    .count();
        }

        /** The stored candles not published yet, in the order they were first stored. */
        synchronized List<StoredCandle> unpublished() {
            return rows.entrySet().stream()
                    .filter(row -> publishedAt(row.getKey()).isEmpty())
                    .map(Map.Entry::getValue)
                    .toList();
        }

        /** How many batches were stored so far; safe to ask from any thread while a replay runs. */
        synchronized int batchCount() {
            return batches.size();
        }
    }

    static final class MemoryRejectionStore implements RejectionStore {
        final Map<UUID, NewRejection> rows = new LinkedHashMap<>();
        final Map<UUID, Instant> publishedAt = new HashMap<>();

        @Override
        public synchronized StoredRejection recordIfAbsent(NewRejection rejection) {
            NewRejection row = rows.computeIfAbsent(rejection.id(), id -> rejection);
            return new StoredRejection(
                    row.id(), row.eventId(), row.rejectedAt(), Optional.ofNullable(publishedAt.get(row.id())));
        }

        @Override
        public synchronized void markPublished(Collection<UUID> rejectionIds, Instant at) {
            rejectionIds.forEach(id -> publishedAt.putIfAbsent(id, at));
        }
    }

    static final class MemoryRunStore implements ReplayRunStore {
        final Map<UUID, ReplayRun> rows = new LinkedHashMap<>();
        int updates;
        /** Runs after each update, e.g. to act the moment a run's final status is saved. */
        java.util.function.Consumer<ReplayRun> afterUpdate = run -> {};

        @Override
        public synchronized void insert(ReplayRun run) {
            if (rows.putIfAbsent(run.id(), run) != null) {
                throw new IllegalStateException("duplicate run " + run.id());
            }
        }

        @Override
        public synchronized void update(ReplayRun run) {
            if (!rows.containsKey(run.id())) {
                throw new IllegalStateException("no run " + run.id());
            }
            rows.put(run.id(), run);
            updates++;
            afterUpdate.accept(run);
        }

        @Override
        public synchronized Optional<ReplayRun> find(UUID id) {
            return Optional.ofNullable(rows.get(id));
        }

        @Override
        public synchronized List<ReplayRun> recent(int limit) {
            return rows.values().stream()
                    .sorted(Comparator.comparing(ReplayRun::startedAt).reversed())
                    .limit(limit)
                    .toList();
        }

        @Override
        public synchronized int failRunning(UUID exceptId, Instant at, String reason) {
            List<ReplayRun> running = rows.values().stream()
                    .filter(run ->
                            run.status() == ReplayStatus.RUNNING && !run.id().equals(exceptId))
                    .toList();
            running.forEach(run -> rows.put(run.id(), run.failed(run.counts(), at, reason)));
            return running.size();
        }
    }

    /**
     * Records what was published, one call at a time. Can be told to fail at the n-th candle offered (those
     * before it in the same call reach the broker, as they can with Kafka) or at any incident, like a broker
     * going away; and, like the platform publisher, fails when its thread is interrupted.
     */
    static final class RecordingPublisher implements MarketEventPublisher {
        final List<PeregrineEvent> events = new ArrayList<>();
        final List<List<CandleClosed>> candleCalls = new ArrayList<>();
        final List<List<QualityIncident>> incidentCalls = new ArrayList<>();
        int failFromCandle = Integer.MAX_VALUE;
        int failAcknowledgementOf = 0;
        final List<String> sendLog = new ArrayList<>();
        boolean failIncidents;
        /** Runs at the start of each call, e.g. to look at the stores or to cancel the replay. */
        Runnable beforePublish = () -> {};

        private int candlesSeen;

        @Override
        public synchronized void publishAll(List<CandleClosed> candles, List<QualityIncident> incidents) {
            beforePublish.run();
            candleCalls.add(List.copyOf(candles));
            incidentCalls.add(List.copyOf(incidents));
            if (Thread.currentThread().isInterrupted()) {
                throw new IllegalStateException("interrupted while publishing to market.candles.v1");
            }
            for (CandleClosed candle : candles) {
                if (++candlesSeen >= failFromCandle) {
                    throw new IllegalStateException("publishing CandleClosed to market.candles.v1 failed: broker away");
                }
                events.add(candle);
            }
            if (failIncidents && !incidents.isEmpty()) {
                throw new IllegalStateException("publishing QualityIncident to market.quality.v1 failed: broker away");
            }
            events.addAll(incidents);
        }

        /**
         * Publishes at once, like {@link #publishAll}, and logs the send and, later, the caller's wait for its
         * acknowledgement ("send 2", "acknowledged 2"), which fails for the {@code failAcknowledgementOf}-th call.
         */
        @Override
        public synchronized Acknowledgement send(List<CandleClosed> candles, List<QualityIncident> incidents) {
            publishAll(candles, incidents);
            int call = candleCalls.size();
            sendLog.add("send " + call);
            return () -> {
                synchronized (this) {
                    sendLog.add("acknowledged " + call);
                    if (call == failAcknowledgementOf) {
                        throw new IllegalStateException("publishing to market.candles.v1 failed: no acknowledgement");
                    }
                }
            };
        }

        synchronized List<CandleClosed> candles() {
            return events.stream()
                    .filter(CandleClosed.class::isInstance)
                    .map(CandleClosed.class::cast)
                    .toList();
        }

        synchronized List<QualityIncident> incidents() {
            return events.stream()
                    .filter(QualityIncident.class::isInstance)
                    .map(QualityIncident.class::cast)
                    .toList();
        }
    }

    static final class RecordingMetrics implements IngestMetrics {
        final Map<Series, Integer> published = new HashMap<>();
        final Map<RejectionReason, Integer> rejected = new HashMap<>();
        final Map<String, Integer> incidents = new HashMap<>();
        final Map<MessageKind, Integer> messages = new HashMap<>();
        final List<Duration> lags = new ArrayList<>();
        final Map<String, Long> retentionDeleted = new HashMap<>();
        final Map<String, Integer> retentionFailed = new HashMap<>();
        final List<Symbol> missingFromSnapshot = new ArrayList<>();
        final List<String> evicted = new ArrayList<>();

        @Override
        public synchronized void candlePublished(Series series, Duration lag) {
            published.merge(series, 1, Integer::sum);
            lags.add(lag);
        }

        @Override
        public synchronized void lineRejected(RejectionReason reason) {
            rejected.merge(reason, 1, Integer::sum);
        }

        @Override
        public synchronized void incidentReported(String rule) {
            incidents.merge(rule, 1, Integer::sum);
        }

        @Override
        public synchronized void messageRead(MessageKind kind) {
            messages.merge(kind, 1, Integer::sum);
        }

        @Override
        public synchronized void retentionDeleted(String table, long rows) {
            retentionDeleted.merge(table, rows, Long::sum);
        }

        @Override
        public synchronized void retentionFailed(String table) {
            retentionFailed.merge(table, 1, Integer::sum);
        }

        @Override
        public synchronized void qualityStateEvicted(String state, String reason) {
            evicted.add(state + "/" + reason);
        }

        @Override
        public synchronized void instrumentMissingFromSnapshot(Symbol symbol) {
            missingFromSnapshot.add(symbol);
        }
    }

    /** Records pauses instead of waiting; can run an action on a pause (e.g. a cancel request). */
    static final class RecordingPacer implements Pacer {
        final List<Duration> pauses = new ArrayList<>();
        Runnable onPause = () -> {};

        @Override
        public void pause(Duration pause) throws InterruptedException {
            pauses.add(pause);
            onPause.run();
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedException("sleep interrupted");
            }
        }
    }

    /** An executor that queues tasks until the test runs them, so "a replay is running" can be held still. */
    static final class QueuedExecutor extends AbstractExecutorService {
        final List<Runnable> queued = new ArrayList<>();
        boolean shutdown;

        @Override
        public void execute(Runnable command) {
            if (shutdown) {
                throw new java.util.concurrent.RejectedExecutionException("shut down");
            }
            queued.add(command);
        }

        void runAll() {
            List<Runnable> tasks = List.copyOf(queued);
            queued.clear();
            for (Runnable task : tasks) {
                task.run();
                // Like a thread pool between tasks: a cancelled task's interrupt does not leak into the next.
                Thread.interrupted();
            }
        }

        @Override
        public void shutdown() {
            shutdown = true;
        }

        @Override
        public List<Runnable> shutdownNow() {
            shutdown = true;
            return List.copyOf(queued);
        }

        @Override
        public boolean isShutdown() {
            return shutdown;
        }

        @Override
        public boolean isTerminated() {
            return shutdown;
        }

        @Override
        public boolean awaitTermination(long timeout, TimeUnit unit) {
            return true;
        }
    }
}
