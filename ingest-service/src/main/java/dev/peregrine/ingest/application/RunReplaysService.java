package dev.peregrine.ingest.application;

import dev.peregrine.common.id.IdGenerator;
import dev.peregrine.common.value.Interval;
import dev.peregrine.common.value.Symbol;
import dev.peregrine.ingest.application.port.in.CancelResult;
import dev.peregrine.ingest.application.port.in.FindReplays;
import dev.peregrine.ingest.application.port.in.ReplayRequest;
import dev.peregrine.ingest.application.port.in.RunReplays;
import dev.peregrine.ingest.application.port.in.StartResult;
import dev.peregrine.ingest.application.port.out.KlineSource;
import dev.peregrine.ingest.application.port.out.ReplayRunStore;
import dev.peregrine.ingest.domain.KlineFileName;
import dev.peregrine.ingest.domain.ReplayFormat;
import dev.peregrine.ingest.domain.ReplayRun;
import dev.peregrine.ingest.domain.ReplayTrigger;
import dev.peregrine.ingest.domain.Series;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts replays in the background, one at a time per service instance, and answers what runs there were.
 * A request that cannot work (no such file, negative speed, no way to tell the format or a kline file's series)
 * is refused up front; one from the start-up configuration is also recorded as a FAILED run so that health
 * reports it. On the replay's thread, each run first gets its instruments ({@link ReplayInstruments}), so that they
 * are published before its first candle; a run whose instruments cannot be had is recorded FAILED without reading
 * its file.
 */
public final class RunReplaysService implements RunReplays, FindReplays, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RunReplaysService.class);
    private static final String SOURCE_PREFIX = "replay:";
    /** The first characters of a file that tell its format ({@code <digits> {}, {@code <digits>,} or a header). */
    private static final int FORMAT_HEAD_CHARS = 256;

    private final ReplayFile replay;
    private final ReplayInstruments instruments;
    private final KlineSource source;
    private final ReplayRunStore runs;
    private final ExecutorService executor;
    private final Clock clock;
    private final IdGenerator ids;
    private final Object lock = new Object();
    /** The run in progress, or null. Guarded by {@link #lock}. */
    private ReplayControl active;

    private volatile ReplayControl latest;

    /** Without instruments: {@link ReplayInstruments#NONE}. */
    public RunReplaysService(
            ReplayFile replay,
            KlineSource source,
            ReplayRunStore runs,
            ExecutorService executor,
            Clock clock,
            IdGenerator ids) {
        this(replay, ReplayInstruments.NONE, source, runs, executor, clock, ids);
    }

    /** @param instruments called on the replay's thread before each run reads its file */
    public RunReplaysService(
            ReplayFile replay,
            ReplayInstruments instruments,
            KlineSource source,
            ReplayRunStore runs,
            ExecutorService executor,
            Clock clock,
            IdGenerator ids) {
        this.replay = Objects.requireNonNull(replay, "replay");
        this.instruments = Objects.requireNonNull(instruments, "instruments");
        this.source = Objects.requireNonNull(source, "source");
        this.runs = Objects.requireNonNull(runs, "runs");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ids = Objects.requireNonNull(ids, "ids");
    }

    @Override
    public StartResult start(ReplayRequest request) {
        String file = request.file() == null ? "" : request.file().trim();
        String sourceName = SOURCE_PREFIX + (file.isEmpty() ? "(none)" : source.fileName(file));
        Optional<Series> series = Optional.empty();
        ReplayFormat format = request.format().orElse(ReplayFormat.KLINES_CSV);
        String problem;
        if (request.speed() < 0) {
            problem = "speed must be 0 (as fast as possible) or a positive factor of real time, was " + request.speed();
        } else if (file.isEmpty()) {
            problem = "no file given: name a kline CSV file (.csv or .csv.gz) or a WebSocket capture (.log or .log.gz)";
        } else {
            problem = source.unreadableReason(file)
                    .map(reason -> "replay file '" + file + "' " + reason)
                    .orElse(null);
            if (problem == null) {
                try {
                    format = formatOf(file, request);
                    if (format == ReplayFormat.KLINES_CSV) {
                        series = seriesOf(file, request);
                        if (series.isEmpty()) {
                            problem = "cannot tell the symbol and interval of '" + source.fileName(file)
                                    + "': name the file SYMBOL-INTERVAL.csv[.gz] (e.g. BTCUSDT-15m.csv.gz) or give the "
                                    + "symbol and interval";
                        }
                    } else if (given(request.symbol()) || given(request.interval())) {
                        problem = "symbol and interval name the series of a kline CSV file; a " + format.code()
                                + " file's messages name their own: leave them out";
                    }
                } catch (IllegalArgumentException e) {
                    problem = e.getMessage();
                }
            }
        }
        if (problem != null) {
            return refuse(request, file, sourceName, format, series, problem);
        }
        synchronized (lock) {
            // A run whose final status is out is over for callers, who may start the next one at once, even while
            // its thread is still returning; the next run then waits for that thread in the single-thread executor.
            if (active != null && active.current().running()) {
                return new StartResult.AlreadyRunning(active.current().id());
            }
            ReplayRun run = ReplayRun.started(
                            ids.next(),
                            sourceName,
                            file,
                            format,
                            series,
                            request.speed(),
                            request.trigger(),
                            clock.instant())
                    .requestedBy(request.requestedBy());
            runs.insert(run);
            ReplayControl control = new ReplayControl(run);
            try {
                executor.execute(() -> runInBackground(control));
            } catch (RejectedExecutionException e) {
                ReplayRun failed = run.failed(run.counts(), clock.instant(), "the service is shutting down");
                runs.update(failed);
                control.update(failed);
                latest = control;
                return new StartResult.Invalid("the service is shutting down", Optional.of(run.id()));
            }
            active = control;
            latest = control;
            return new StartResult.Started(run);
        }
    }

    /** The requested format, else the one the file's name or first line tells. */
    private ReplayFormat formatOf(String file, ReplayRequest request) {
        if (request.format().isPresent()) {
            return request.format().get();
        }
        Optional<ReplayFormat> byName = ReplayFormat.detect(source.fileName(file), null);
        if (byName.isPresent()) {
            return byName.get();
        }
        String firstLine;
        try {
            // Only the start of the first line: this runs on the caller's (request) thread.
            firstLine = source.head(file, FORMAT_HEAD_CHARS);
        } catch (IOException e) {
            throw new IllegalArgumentException("replay file '" + file + "' could not be read: " + e.getMessage(), e);
        }
        return ReplayFormat.detect(source.fileName(file), firstLine)
                .orElseThrow(() -> new IllegalArgumentException("cannot tell whether '" + source.fileName(file)
                        + "' is a kline CSV file or a WebSocket capture: "
                        + "name it .csv[.gz] or .log[.gz], or give the format (klines-csv or ws-capture)"));
    }

    private static boolean given(String value) {
        return value != null && !value.isBlank();
    }

    private void runInBackground(ReplayControl control) {
        control.attach(Thread.currentThread());
        try {
            if (instrumentsReady(control)) {
                replay.replay(control);
            }
        } finally {
            control.detach();
            synchronized (lock) {
                if (active == control) {
                    active = null;
                }
            }
        }
    }

    /** The run's instruments synced before its first candle; else the run is recorded FAILED and false returned. */
    private boolean instrumentsReady(ReplayControl control) {
        ReplayRun run = control.current();
        try {
            instruments.beforeReplay(run);
            return true;
        } catch (RuntimeException e) {
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            log.error("Replay run {} of {} stopped before its first line: {}", run.id(), run.file(), reason, e);
            ReplayRun failed = run.failed(run.counts(), clock.instant(), reason);
            control.update(failed);
            runs.update(failed);
            return false;
        }
    }

    private Optional<Series> seriesOf(String file, ReplayRequest request) {
        Optional<Series> named = KlineFileName.seriesOf(source.fileName(file));
        boolean symbolGiven = given(request.symbol());
        boolean intervalGiven = given(request.interval());
        Optional<Symbol> symbol =
                symbolGiven ? Optional.of(Symbol.parseLenient(request.symbol())) : named.map(Series::symbol);
        Optional<Interval> interval =
                intervalGiven ? Optional.of(Interval.fromCode(request.interval().trim())) : named.map(Series::interval);
        return symbol.isPresent() && interval.isPresent()
                ? Optional.of(new Series(symbol.get(), interval.get()))
                : Optional.empty();
    }

    private StartResult refuse(
            ReplayRequest request,
            String file,
            String sourceName,
            ReplayFormat format,
            Optional<Series> series,
            String problem) {
        if (request.trigger() != ReplayTrigger.STARTUP) {
            return new StartResult.Invalid(problem, Optional.empty());
        }
        log.error(
                "The configured replay did not start: {}. Fix peregrine.ingest.replay.file "
                        + "(PEREGRINE_INGEST_REPLAY_FILE) and peregrine.ingest.replay.format/speed/symbol/interval so that "
                        + "they "
                        + "name a readable kline file such as ../shared/data/binance/klines/BTCUSDT-15m.csv.gz or a capture "
                        + "such as ../shared/data/binance/ws-capture/btcusdt_20240808.log.gz, or unset the file to start "
                        + "without a replay. No candles are published from it.",
                problem);
        ReplayRun failed = ReplayRun.failedToStart(
                ids.next(),
                sourceName,
                file,
                format,
                series,
                Math.max(request.speed(), 0),
                request.trigger(),
                clock.instant(),
                problem);
        latest = new ReplayControl(failed);
        runs.insert(failed);
        return new StartResult.Invalid(problem, Optional.of(failed.id()));
    }

    @Override
    public CancelResult cancel(UUID runId, String by) {
        synchronized (lock) {
            if (active != null
                    && active.current().running()
                    && active.current().id().equals(runId)) {
                active.requestCancel(by);
                return new CancelResult.Cancelling(runId);
            }
        }
        return find(runId)
                .<CancelResult>map(run -> new CancelResult.NotRunning(runId, run.status()))
                .orElseGet(() -> new CancelResult.Unknown(runId));
    }

    @Override
    public int abandonInterruptedRuns() {
        synchronized (lock) {
            int abandoned = runs.failRunning(
                    active == null ? null : active.current().id(),
                    clock.instant(),
                    "the service stopped before this replay finished; start it again to resume (candles already "
                            + "published are skipped)");
            if (abandoned > 0) {
                log.warn("Marked {} replay run(s) left RUNNING by an earlier process as FAILED", abandoned);
            }
            return abandoned;
        }
    }

    @Override
    public Optional<ReplayRun> find(UUID runId) {
        ReplayControl here = latest;
        if (here != null && here.current().id().equals(runId)) {
            return Optional.of(here.current());
        }
        return runs.find(runId);
    }

    @Override
    public List<ReplayRun> recent(int limit) {
        ReplayControl here = latest;
        // The run in progress here is fresher in memory than in its last saved progress.
        return runs.recent(limit).stream()
                .map(run -> here != null && here.current().id().equals(run.id()) ? here.current() : run)
                .toList();
    }

    @Override
    public Optional<ReplayRun> latestStartedHere() {
        ReplayControl here = latest;
        return here == null ? Optional.empty() : Optional.of(here.current());
    }

    /** Stops a running replay (it is recorded as FAILED and can be resumed by replaying again). */
    @Override
    public void close() throws InterruptedException {
        executor.shutdownNow();
        if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
            log.warn("The replay thread did not stop within 10 s");
        }
    }
}
