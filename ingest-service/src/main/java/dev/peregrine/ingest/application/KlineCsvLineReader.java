package dev.peregrine.ingest.application;

import dev.peregrine.ingest.domain.KlineCsvParser;
import dev.peregrine.ingest.domain.ParseResult;
import dev.peregrine.ingest.domain.ReplayPacing;
import dev.peregrine.ingest.domain.ReplayRun;
import dev.peregrine.ingest.domain.Series;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Kline CSV: one candle a line, of the run's series, judged at its close time; paced by the series' interval. */
final class KlineCsvLineReader implements ReplayLineReader {

    private final QualityStage stage;
    private final ReplayJudge judge;
    private final ReplayTally tally;
    private final Series series;
    private final KlineCsvParser parser;
    private final Duration pause;

    KlineCsvLineReader(ReplayRun run, QualityStage stage, ReplayJudge judge, ReplayTally tally) {
        this.stage = stage;
        this.judge = judge;
        this.tally = tally;
        this.series = run.series()
                .orElseThrow(() -> new IllegalArgumentException("run " + run.id() + " of a kline file has no series"));
        this.parser = new KlineCsvParser(series);
        this.pause = ReplayPacing.pauseBetweenCandles(series.interval(), run.speed());
    }

    @Override
    public boolean read(long lineNumber, String line) throws InterruptedException {
        if (lineNumber == 1 && KlineCsvParser.isHeader(line)) {
            return false;
        }
        tally.lineRead();
        switch (parser.parse(line)) {
            case ParseResult.Rejected rejection ->
                judge.reject(lineNumber, line, rejection.reason(), rejection.detail(), Optional.of(series));
            case ParseResult.Parsed parsed -> {
                Instant receivedAt = parsed.candle().closeTime();
                judge.candle(lineNumber, line, parsed.candle(), receivedAt, stage.heartbeatAt(receivedAt), pause);
            }
        }
        return true;
    }

    @Override
    public boolean tooLong(long lineNumber, String start, long length) throws InterruptedException {
        tally.lineRead();
        judge.rejectTooLong(lineNumber, start, length, Optional.of(series));
        return true;
    }
}
