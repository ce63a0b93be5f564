package dev.peregrine.ingest.application;

import dev.peregrine.ingest.application.port.out.KlineSource;
import dev.peregrine.ingest.application.port.out.ReplayRunStore;
import dev.peregrine.ingest.domain.ReplayRun;
import dev.peregrine.ingest.domain.Series;
import java.io.IOException;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One replay run on the replay thread, from opening the file to the run's final status: reads it line by line
 * through the format's {@link ReplayLineReader}, saves the progress every {@value ReplayFile#PROGRESS_EVERY_LINES}
 * lines, and ends COMPLETED, CANCELLED or FAILED, letting the {@link ReplayOutput} finish or stop first.
 */
final class ReplayExecution {

    private static final Logger log = LoggerFactory.getLogger(ReplayFile.class);

    private final ReplayControl control;
    private final ReplayRun run;
    private final KlineSource source;
    private final ReplayRunStore runs;
    private final QualityStage stage;
    private final ReplayTally tally;
    private final Clock clock;

    ReplayExecution(
            ReplayControl control,
            KlineSource source,
            ReplayRunStore runs,
            QualityStage stage,
            ReplayTally tally,
            Clock clock) {
        this.control = control;
        this.run = control.current();
        this.source = source;
        this.runs = runs;
        this.stage = stage;
        this.tally = tally;
        this.clock = clock;
    }

    /** Replays the file to its end and returns the finished run; never throws. */
    ReplayRun run(ReplayLineReader reader, ReplayOutput output) {
        log.info(
                "Replaying {} ({}) at speed {} (run {})",
                run.file(),
                run.series().map(Series::toString).orElse(run.format().code()),
                run.speed(),
                run.id());
        try (KlineSource.Lines lines = source.open(run.file())) {
            long lineNumber = 0;
            String line;
            while ((line = lines.nextLine()) != null) {
                lineNumber++;
                if (stopping()) {
                    throw new InterruptedException("replay stopped at line " + lineNumber);
                }
                long cutLength = lines.cutLength();
                boolean counted =
                        cutLength > 0 ? reader.tooLong(lineNumber, line, cutLength) : reader.read(lineNumber, line);
                if (counted && tally.linesRead() % ReplayFile.PROGRESS_EVERY_LINES == 0) {
                    saveProgress();
                }
            }
            output.complete();
            log.info(
                    "Replay of {} completed: {} lines, {} candles published, {} already published, {} rejected, "
                            + "messages {}, last trade prices {} (run {})",
                    run.file(),
                    tally.linesRead(),
                    tally.published(),
                    tally.skippedCount(),
                    tally.rejectedCount(),
                    tally.counts().messages(),
                    stage.lastTradePrices(),
                    run.id());
            return finish(run.completed(tally.counts(), clock.instant()));
        } catch (InterruptedException | IOException | RuntimeException e) {
            // A read or publish interrupted by cancel or shutdown surfaces as an I/O or publish failure too.
            if (e instanceof InterruptedException || stopping()) {
                return stopped(e, output);
            }
            if (e instanceof IOException) {
                // The lines read before the file broke off are sound, and a paced replay would have published them.
                output.flushBeforeFailing(e);
                return failed("could not read " + run.file() + ": " + e.getMessage(), e, output);
            }
            return failed(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(), e, output);
        }
    }

    void saveProgress() {
        ReplayRun progress = run.withCounts(tally.counts());
        runs.update(progress);
        control.update(progress);
    }

    private boolean stopping() {
        return control.cancelRequested() || Thread.currentThread().isInterrupted();
    }

    private ReplayRun stopped(Exception cause, ReplayOutput output) {
        // Clear the interrupt so that the final writes are not refused; restored afterwards.
        boolean interrupted = Thread.interrupted();
        try {
            if (output.abort()) {
                tryMarkPublished(output.sender());
            }
            if (control.cancelRequested()) {
                log.info("Replay of {} cancelled after {} lines (run {})", run.file(), tally.linesRead(), run.id());
                String by = control.cancelledBy();
                return finish(run.cancelledBy(
                        by,
                        tally.counts(),
                        clock.instant(),
                        "cancelled by "
                                + (by == null || by.isBlank() ? "an operator" : by.strip()) + " after "
                                + tally.linesRead()
                                + " lines"));
            }
            return failed(
                    "the service stopped during the replay; start it again to resume "
                            + "(candles already published are skipped)",
                    cause,
                    output);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private ReplayRun failed(String reason, Exception cause, ReplayOutput output) {
        log.error(
                "Replay of {} failed after {} lines (run {}): {}",
                run.file(),
                tally.linesRead(),
                run.id(),
                reason,
                cause);
        if (output.drain(cause)) {
            tryMarkPublished(output.sender());
        }
        return finish(run.failed(tally.counts(), clock.instant(), reason));
    }

    private ReplayRun finish(ReplayRun finished) {
        control.update(finished);
        saveFinal(finished);
        return finished;
    }

    /** Only once nothing else runs: the sender's lists are the publishing thread's own while it runs. */
    private void tryMarkPublished(ReplaySender sender) {
        try {
            sender.completeInFlight();
        } catch (RuntimeException e) {
            log.warn(
                    "The last batch sent by run {} was not acknowledged; a later replay publishes it again under "
                            + "the same event ids",
                    run.id(),
                    e);
        }
        try {
            sender.markPublished();
        } catch (RuntimeException e) {
            log.warn(
                    "Could not mark {} publications of candles and {} published incidents of run {}; a later "
                            + "replay publishes them again under the same event ids",
                    sender.unmarkedPublications(),
                    sender.unmarkedRejections(),
                    run.id(),
                    e);
        }
    }

    private void saveFinal(ReplayRun finished) {
        try {
            runs.update(finished);
        } catch (RuntimeException e) {
            log.error("Could not save the final status {} of replay run {}", finished.status(), run.id(), e);
        }
    }
}
