package dev.peregrine.benchmarks.ingest;

import dev.peregrine.common.event.CandleClosed;
import dev.peregrine.common.event.Envelope;
import dev.peregrine.common.event.QualityIncident;
import dev.peregrine.common.id.IdGenerator;
import dev.peregrine.common.id.TimeOrderedIdGenerator;
import dev.peregrine.common.json.EventCodec;
import dev.peregrine.common.value.Price;
import dev.peregrine.common.value.Quantity;
import dev.peregrine.ingest.application.QualityStage;
import dev.peregrine.ingest.application.QualityStages;
import dev.peregrine.ingest.domain.Candle;
import dev.peregrine.ingest.domain.KlineCsvParser;
import dev.peregrine.ingest.domain.MessageKind;
import dev.peregrine.ingest.domain.ParseResult;
import dev.peregrine.ingest.domain.quality.QualityCheck;
import dev.peregrine.ingest.domain.quality.QualityRule;
import dev.peregrine.ingest.domain.quality.QualitySettings;
import dev.peregrine.ingest.domain.stream.BinanceStreamParser;
import dev.peregrine.ingest.domain.stream.MarketMessage;
import dev.peregrine.ingest.domain.stream.StreamMessage;
import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import org.openjdk.jmh.infra.Blackhole;

/**
 * ingest's per-record work without the database and the broker, wired the way {@code ReplayFile} wires it (whose
 * inner classes cannot be called from here): a WebSocket message through {@link BinanceStreamParser}, STALE_STREAM
 * judged at the message's receive time, trades and klines through the feed's {@link QualityStage}, and each closed
 * candle that is not refused turned into a {@link CandleClosed} (a fresh UUIDv7 event id, the clock's processing
 * time, the quality flags) encoded with {@link EventCodec}, with any incidents encoded too. What ingest does next,
 * storing and publishing, is the pipeline harness's business. Results go into a {@link Blackhole}; counts say what
 * the run actually exercised. One instance per thread, like a feed.
 */
public final class IngestHotPath {

    private final BinanceStreamParser parser = new BinanceStreamParser();
    private final QualityStages stages;
    private final EventCodec codec = new EventCodec();
    private final Clock clock = Clock.systemUTC();
    /** The platform's generator: UUIDv7 from the clock and SecureRandom. */
    private final IdGenerator ids = new TimeOrderedIdGenerator(clock, new SecureRandom());

    private final String source;
    private final long[] kinds = new long[MessageKind.values().length];
    private QualityStage stage;
    private long rejected;
    private long candles;
    private long refused;
    private long incidents;

    public IngestHotPath(String source) {
        this.source = source;
        this.stages = new QualityStages(serviceDefaults(), clock);
        this.stage = stages.open(source);
    }

    /**
     * The rules and thresholds of ingest-service.yml (every rule on; PRICE_JUMP k 20, where
     * {@code QualitySettings.defaults()} has 10).
     */
    public static QualitySettings serviceDefaults() {
        return new QualitySettings(
                EnumSet.allOf(QualityRule.class),
                new QualitySettings.StaleStream(3),
                new QualitySettings.PriceJump(100, 100, 20.0, 10.0),
                new QualitySettings.LastTrade(BigDecimal.ONE, 10_000));
    }

    /** Forgets the feed's history: a feed read again from its start would otherwise be all duplicates. */
    public void restart() {
        stage = stages.open(source);
    }

    /** One raw WebSocket message received at {@code receivedAt}, as a capture replay handles each line. */
    public void message(String raw, Instant receivedAt, Blackhole sink) {
        encodeIncidents(stage.heartbeatAt(receivedAt), sink);
        switch (parser.parse(raw)) {
            case StreamMessage.Rejected rejection -> {
                rejected++;
                sink.consume(rejection);
            }
            case MarketMessage message -> {
                kinds[message.kind().ordinal()]++;
                route(message, receivedAt, sink);
            }
        }
    }

    private void route(MarketMessage message, Instant receivedAt, Blackhole sink) {
        switch (message) {
            case StreamMessage.Kline kline -> {
                stage.seriesAlive(kline.series(), receivedAt);
                if (kline.closed()) {
                    candle(kline.toCandle(), receivedAt, sink);
                }
            }
            case StreamMessage.Trade trade -> stage.trade(trade.symbol(), trade.tradeTime(), trade.price());
            case StreamMessage.AggTrade trade -> stage.trade(trade.symbol(), trade.tradeTime(), trade.price());
            // ingest keeps no order book: parsed (so validated) and counted, nothing else.
            case StreamMessage.BookTicker ticker -> sink.consume(ticker);
            case StreamMessage.DepthUpdate depth -> sink.consume(depth);
            case StreamMessage.DepthSnapshot snapshot -> sink.consume(snapshot);
        }
    }

    /** One kline CSV line, judged at its candle's close time, as a kline file replay handles it. */
    public void csvLine(KlineCsvParser csv, String line, Blackhole sink) {
        switch (csv.parse(line)) {
            case ParseResult.Rejected rejection -> {
                rejected++;
                sink.consume(rejection);
            }
            case ParseResult.Parsed parsed -> {
                Instant receivedAt = parsed.candle().closeTime();
                encodeIncidents(stage.heartbeatAt(receivedAt), sink);
                candle(parsed.candle(), receivedAt, sink);
            }
        }
    }

    private void candle(Candle c, Instant receivedAt, Blackhole sink) {
        QualityCheck check = stage.candle(c, receivedAt);
        if (check.refusal().isPresent()) {
            refused++;
            sink.consume(check);
            return;
        }
        CandleClosed closed = new CandleClosed(
                Envelope.root(ids.next(), c.closeTime(), clock.instant()),
                c.symbol(),
                c.interval(),
                c.openTime(),
                c.closeTime(),
                Price.of(c.open()),
                Price.of(c.high()),
                Price.of(c.low()),
                Price.of(c.close()),
                Quantity.of(c.volume()),
                Quantity.of(c.quoteVolume()),
                c.trades(),
                Quantity.of(c.takerBuyBaseVolume()),
                Quantity.of(c.takerBuyQuoteVolume()),
                source,
                check.flagNames());
        sink.consume(codec.encode(closed));
        candles++;
        encodeIncidents(stage.incidentsOf(closed, check), sink);
    }

    private void encodeIncidents(List<QualityIncident> found, Blackhole sink) {
        for (QualityIncident incident : found) {
            sink.consume(codec.encode(incident));
            incidents++;
        }
    }

    public long candles() {
        return candles;
    }

    public long refused() {
        return refused;
    }

    public long rejected() {
        return rejected;
    }

    public long incidents() {
        return incidents;
    }

    public long messages(MessageKind kind) {
        return kinds[kind.ordinal()];
    }

    /** What went through, for the end of a run: proof of which path was measured. */
    public String summary() {
        StringBuilder text = new StringBuilder();
        for (MessageKind kind : MessageKind.values()) {
            if (kinds[kind.ordinal()] > 0) {
                text.append(kind)
                        .append(' ')
                        .append(String.format(Locale.ROOT, "%,d", kinds[kind.ordinal()]))
                        .append(", ");
            }
        }
        return text
                + String.format(
                        Locale.ROOT,
                        "rejected %,d, candles encoded %,d, refused %,d, incidents %,d",
                        rejected,
                        candles,
                        refused,
                        incidents);
    }
}
