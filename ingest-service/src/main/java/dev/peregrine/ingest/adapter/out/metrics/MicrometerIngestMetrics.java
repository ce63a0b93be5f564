package dev.peregrine.ingest.adapter.out.metrics;

import dev.peregrine.common.value.Symbol;
import dev.peregrine.ingest.application.port.out.FeedMetrics;
import dev.peregrine.ingest.application.port.out.IngestMetrics;
import dev.peregrine.ingest.domain.MessageKind;
import dev.peregrine.ingest.domain.RejectionReason;
import dev.peregrine.ingest.domain.Series;
import dev.peregrine.ingest.domain.live.CandleArrival;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;
import org.springframework.stereotype.Component;

/**
 * {@code peregrine.ingest.candles.published{symbol,interval}}, {@code peregrine.ingest.lines.rejected{reason}},
 * {@code peregrine.ingest.quality.incidents{rule}}, {@code peregrine.ingest.stream.messages{kind}} and the timer
 * {@code peregrine.ingest.replay.lag{symbol,interval}}; for the live feed
 * {@code peregrine.ingest.live.parse.failures{reason}}, {@code peregrine.ingest.live.reconnects{reason}},
 * {@code peregrine.ingest.live.connections.open}, {@code peregrine.ingest.live.queue.messages},
 * {@code peregrine.ingest.live.queue.overflows}, {@code peregrine.ingest.live.messages.shed},
 * {@code peregrine.ingest.backfill.candles{symbol,interval}}, the timer
 * {@code peregrine.ingest.live.lag{symbol,interval}}, {@code peregrine.ingest.rest.used.weight} and
 * {@code peregrine.ingest.rest.limited{status}}; for retention {@code peregrine.ingest.retention.deleted{table}} and
 * {@code peregrine.ingest.retention.failures{table}}; for replays' instruments
 * {@code peregrine.ingest.instruments.snapshot.missing{symbol}}; for the quality stages' bounded state
 * {@code peregrine.ingest.quality.state.evicted{state,reason}}. Meters are cached per tag set because a replay
 * publishes thousands of candles a second.
 */
@Component
public class MicrometerIngestMetrics implements IngestMetrics, FeedMetrics {

    private final MeterRegistry registry;
    private final Map<Series, Counter> published = new ConcurrentHashMap<>();
    private final Map<Series, Timer> lag = new ConcurrentHashMap<>();
    private final Map<RejectionReason, Counter> rejected = new ConcurrentHashMap<>();
    private final Map<String, Counter> incidents = new ConcurrentHashMap<>();
    private final Map<String, Counter> evicted = new ConcurrentHashMap<>();
    private final Map<MessageKind, Counter> messages = new ConcurrentHashMap<>();
    private final Map<RejectionReason, Counter> parseFailures = new ConcurrentHashMap<>();
    private final Map<String, Counter> reconnects = new ConcurrentHashMap<>();
    private final Map<Series, Counter> backfilled = new ConcurrentHashMap<>();
    private final Map<Series, Timer> liveLag = new ConcurrentHashMap<>();
    private final Map<Integer, Counter> limited = new ConcurrentHashMap<>();
    private final Map<String, Counter> retentionDeleted = new ConcurrentHashMap<>();
    private final Map<String, Counter> retentionFailures = new ConcurrentHashMap<>();
    private final AtomicInteger usedWeight = new AtomicInteger();
    private final AtomicInteger openConnections = new AtomicInteger();
    private final Counter queueOverflows;
    private final Counter messagesShed;

    public MicrometerIngestMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.queueOverflows = Counter.builder("peregrine.ingest.live.queue.overflows")
                .description("Live connections whose messages overflowed the feed's queue: closed, reconnected and "
                        + "backfilled")
                .register(registry);
        this.messagesShed = Counter.builder("peregrine.ingest.live.messages.shed")
                .description("Messages of an overflowed live connection not queued while it closed (its closed klines "
                        + "come from the backfill)")
                .register(registry);
        Gauge.builder("peregrine.ingest.rest.used.weight", usedWeight, AtomicInteger::get)
                .description("Request weight Binance reported as used in the current minute (X-MBX-USED-WEIGHT-1M)")
                .register(registry);
        Gauge.builder("peregrine.ingest.live.connections.open", openConnections, AtomicInteger::get)
                .description("Live stream connections open now")
                .register(registry);
        // Registered up front so that a dashboard shows 0 rather than nothing before the first limit.
        restLimitedCounter(429);
        restLimitedCounter(418);
    }

    @Override
    public void candlePublished(Series series, Duration candleLag) {
        publishedCounter(series).increment();
        // For a replay of old data this is the data's age; it is meant for live feeds.
        lag.computeIfAbsent(
                        series,
                        s -> Timer.builder("peregrine.ingest.replay.lag")
                                .tag("symbol", s.symbol().value())
                                .tag("interval", s.interval().code())
                                .description("Time from a candle's close to its publication")
                                .register(registry))
                .record(candleLag.isNegative() ? Duration.ZERO : candleLag);
    }

    private Counter publishedCounter(Series series) {
        return published.computeIfAbsent(
                series,
                s -> Counter.builder("peregrine.ingest.candles.published")
                        .tag("symbol", s.symbol().value())
                        .tag("interval", s.interval().code())
                        .description("Candles published to market.candles.v1")
                        .register(registry));
    }

    @Override
    public void lineRejected(RejectionReason reason) {
        rejected.computeIfAbsent(
                        reason,
                        r -> Counter.builder("peregrine.ingest.lines.rejected")
                                .tag("reason", r.name())
                                .description("Input lines that did not become a published candle")
                                .register(registry))
                .increment();
    }

    @Override
    public void incidentReported(String rule) {
        incidents
                .computeIfAbsent(
                        rule,
                        r -> Counter.builder("peregrine.ingest.quality.incidents")
                                .tag("rule", r)
                                .description(
                                        "Quality incidents published to market.quality.v1, or recorded when they name no series")
                                .register(registry))
                .increment();
    }

    @Override
    public void qualityStateEvicted(String state, String reason) {
        evicted.computeIfAbsent(
                        state + "/" + reason,
                        key -> Counter.builder("peregrine.ingest.quality.state.evicted")
                                .tag("state", state)
                                .tag("reason", reason)
                                .description(
                                        "Quality-stage state dropped from memory (idle: the series or symbol went quiet; "
                                                + "capacity: more than the bound were held)")
                                .register(registry))
                .increment();
    }

    @Override
    public void messageRead(MessageKind kind) {
        messages.computeIfAbsent(
                        kind,
                        k -> Counter.builder("peregrine.ingest.stream.messages")
                                .tag("kind", k.name())
                                .description("Binance stream messages read, by kind")
                                .register(registry))
                .increment();
    }

    @Override
    public void parseFailure(RejectionReason reason) {
        parseFailures
                .computeIfAbsent(
                        reason,
                        r -> Counter.builder("peregrine.ingest.live.parse.failures")
                                .tag("reason", r.name())
                                .description("Live stream messages that could not be read")
                                .register(registry))
                .increment();
    }

    @Override
    public void reconnect(String reason) {
        reconnects
                .computeIfAbsent(
                        reason,
                        r -> Counter.builder("peregrine.ingest.live.reconnects")
                                .tag("reason", r)
                                .description(
                                        "Live stream reconnects started: dropped (after a drop), planned (before the 24 h "
                                                + "cut-off), "
                                                + "overflow (the feed's queue was full) or silent (no message for silence-timeout)")
                                .register(registry))
                .increment();
    }

    @Override
    public void queuedMessages(IntSupplier queued) {
        Gauge.builder("peregrine.ingest.live.queue.messages", queued, IntSupplier::getAsInt)
                .description("Live stream messages waiting for the feed thread (bounded by "
                        + "peregrine.ingest.binance.max-queued-messages)")
                .register(registry);
    }

    @Override
    public void queueOverflow() {
        queueOverflows.increment();
    }

    @Override
    public void messageShed() {
        messagesShed.increment();
    }

    @Override
    public void openConnections(int open) {
        openConnections.set(open);
    }

    @Override
    public void liveCandlePublished(Series series, CandleArrival.Origin origin, Optional<Duration> sinceEventTime) {
        publishedCounter(series).increment();
        if (origin == CandleArrival.Origin.BACKFILL) {
            backfilled
                    .computeIfAbsent(
                            series,
                            s -> Counter.builder("peregrine.ingest.backfill.candles")
                                    .tag("symbol", s.symbol().value())
                                    .tag("interval", s.interval().code())
                                    .description("Candles published from a REST backfill")
                                    .register(registry))
                    .increment();
        }
        sinceEventTime.ifPresent(lagged -> liveLag.computeIfAbsent(
                        series,
                        s -> Timer.builder("peregrine.ingest.live.lag")
                                .tag("symbol", s.symbol().value())
                                .tag("interval", s.interval().code())
                                .description(
                                        "From the exchange's event time of a closed kline to the broker's acknowledgement of its "
                                                + "candle")
                                .register(registry))
                .record(lagged));
    }

    @Override
    public void restUsedWeight(int used) {
        usedWeight.set(used);
    }

    @Override
    public void restLimited(int status) {
        restLimitedCounter(status).increment();
    }

    private Counter restLimitedCounter(int status) {
        return limited.computeIfAbsent(
                status,
                s -> Counter.builder("peregrine.ingest.rest.limited")
                        .tag("status", Integer.toString(s))
                        .description("Binance REST answers 429 (rate limited) and 418 (IP banned)")
                        .register(registry));
    }

    @Override
    public void retentionDeleted(String table, long rows) {
        retentionDeleted
                .computeIfAbsent(
                        table,
                        t -> Counter.builder("peregrine.ingest.retention.deleted")
                                .tag("table", t)
                                .description("Rows deleted by the retention sweep, by table of schema ingest")
                                .register(registry))
                .increment(rows);
    }

    @Override
    public void retentionFailed(String table) {
        retentionFailures
                .computeIfAbsent(
                        table,
                        t -> Counter.builder("peregrine.ingest.retention.failures")
                                .tag("table", t)
                                .description("Retention sweeps of a table that failed (retried at the next sweep)")
                                .register(registry))
                .increment();
    }

    @Override
    public void instrumentMissingFromSnapshot(Symbol symbol) {
        // Per symbol: a handful at most (the symbols replayed), and the tag says which rules are missing.
        Counter.builder("peregrine.ingest.instruments.snapshot.missing")
                .tag("symbol", symbol.value())
                .description("Replays of a symbol the exchangeInfo snapshot does not list (replayed without its rules)")
                .register(registry)
                .increment();
    }
}
