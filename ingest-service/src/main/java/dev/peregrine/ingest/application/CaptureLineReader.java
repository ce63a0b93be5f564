package dev.peregrine.ingest.application;

import dev.peregrine.ingest.application.port.out.IngestMetrics;
import dev.peregrine.ingest.application.port.out.Pacer;
import dev.peregrine.ingest.domain.ReplayRun;
import dev.peregrine.ingest.domain.stream.BinanceStreamParser;
import dev.peregrine.ingest.domain.stream.CaptureLine;
import dev.peregrine.ingest.domain.stream.MarketMessage;
import dev.peregrine.ingest.domain.stream.StreamMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A raw WebSocket capture ({@code <local_ns> <json>}): one message a line, parsed by {@link BinanceStreamParser},
 * the same parser the live stream uses, and judged at the recorder's local time. Trades feed
 * KLINE_CLOSE_VS_LAST_TRADE and the last trade price per symbol, book tickers and depth are counted, closed klines
 * become candles, and STALE_STREAM is judged at each line's local time. A paced replay waits the local time between
 * lines divided by the speed.
 */
final class CaptureLineReader implements ReplayLineReader {

    /** A paced capture sleeps once this much waiting has added up, rather than for each microsecond apart. */
    private static final long MIN_PAUSE_NANOS = 1_000_000;

    private final BinanceStreamParser streamParser = new BinanceStreamParser();
    private final int speed;
    private final QualityStage stage;
    private final ReplayJudge judge;
    private final IngestMetrics metrics;
    private final Pacer pacer;
    private final ReplayTally tally;
    private long previousNanos = Long.MIN_VALUE;
    private long owedNanos;

    CaptureLineReader(
            ReplayRun run,
            QualityStage stage,
            ReplayJudge judge,
            IngestMetrics metrics,
            Pacer pacer,
            ReplayTally tally) {
        this.speed = run.speed();
        this.stage = stage;
        this.judge = judge;
        this.metrics = metrics;
        this.pacer = pacer;
        this.tally = tally;
    }

    @Override
    public boolean read(long lineNumber, String line) throws InterruptedException {
        tally.lineRead();
        switch (CaptureLine.parse(line)) {
            case CaptureLine.Rejected rejection ->
                judge.reject(lineNumber, line, rejection.reason(), rejection.detail(), Optional.empty());
            case CaptureLine.Entry entry -> {
                pace(entry.localNanos());
                Instant at = entry.localTime();
                judge.standalone(stage.heartbeatAt(at));
                switch (streamParser.parse(entry.message())) {
                    case StreamMessage.Rejected rejection ->
                        judge.reject(lineNumber, line, rejection.reason(), rejection.detail(), Optional.empty());
                    case MarketMessage message -> {
                        tally.message(message.kind());
                        metrics.messageRead(message.kind());
                        route(lineNumber, line, message, at);
                    }
                }
            }
        }
        return true;
    }

    @Override
    public boolean tooLong(long lineNumber, String start, long length) throws InterruptedException {
        tally.lineRead();
        judge.rejectTooLong(lineNumber, start, length, Optional.empty());
        return true;
    }

    private void route(long lineNumber, String line, MarketMessage message, Instant at) throws InterruptedException {
        switch (message) {
            case StreamMessage.Kline kline -> {
                stage.seriesAlive(kline.series(), at);
                if (kline.closed()) {
                    judge.candle(lineNumber, line, kline.toCandle(), at, List.of(), Duration.ZERO);
                }
            }
            case StreamMessage.Trade trade -> stage.trade(trade.symbol(), trade.tradeTime(), trade.price());
            case StreamMessage.AggTrade trade -> stage.trade(trade.symbol(), trade.tradeTime(), trade.price());
            // Parsed, so checked, and counted; ingest keeps no order book (yet).
            case StreamMessage.BookTicker ignored -> {}
            case StreamMessage.DepthUpdate ignored -> {}
            case StreamMessage.DepthSnapshot ignored -> {}
        }
    }

    /** Waits the local time since the previous line divided by the speed, once it adds up to 1 ms. */
    private void pace(long nanos) throws InterruptedException {
        if (speed == 0) {
            return;
        }
        if (previousNanos != Long.MIN_VALUE && nanos > previousNanos) {
            owedNanos += (nanos - previousNanos) / speed;
        }
        previousNanos = Math.max(previousNanos, nanos);
        if (owedNanos >= MIN_PAUSE_NANOS) {
            Duration pause = Duration.ofNanos(owedNanos);
            owedNanos = 0;
            pacer.pause(pause);
        }
    }
}
