package dev.peregrine.ingest.adapter.out.metrics;

import dev.peregrine.ingest.application.port.out.IngestMetrics;
import dev.peregrine.ingest.domain.RejectionReason;
import dev.peregrine.ingest.domain.Series;
import dev.peregrine.ingest.domain.stream.MessageKind;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code peregrine.ingest.candles.published{symbol,interval}}, {@code peregrine.ingest.lines.rejected{reason}},
 * {@code peregrine.ingest.quality.incidents{rule}}, {@code peregrine.ingest.stream.messages{kind}} and the timer
 * {@code peregrine.ingest.replay.lag{symbol,interval}}.
 * Meters are cached per tag set because a replay publishes thousands of candles a second.
 */
@Component
public class MicrometerIngestMetrics implements IngestMetrics {

    private final MeterRegistry registry;
    private final Map<Series, Counter> published = new ConcurrentHashMap<>();
    private final Map<Series, Timer> lag = new ConcurrentHashMap<>();
    private final Map<RejectionReason, Counter> rejected = new ConcurrentHashMap<>();
    private final Map<String, Counter> incidents = new ConcurrentHashMap<>();
    private final Map<MessageKind, Counter> messages = new ConcurrentHashMap<>();

    public MicrometerIngestMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void candlePublished(Series series, Duration candleLag) {
        published.computeIfAbsent(series, s -> Counter.builder("peregrine.ingest.candles.published")
                .tag("symbol", s.symbol().value()).tag("interval", s.interval().code())
                .description("Candles published to market.candles.v1")
                .register(registry)).increment();
        // For a replay of old data this is the data's age; it is meant for live feeds.
        lag.computeIfAbsent(series, s -> Timer.builder("peregrine.ingest.replay.lag")
                .tag("symbol", s.symbol().value()).tag("interval", s.interval().code())
                .description("Time from a candle's close to its publication")
                .register(registry)).record(candleLag.isNegative() ? Duration.ZERO : candleLag);
    }

    @Override
    public void lineRejected(RejectionReason reason) {
        rejected.computeIfAbsent(reason, r -> Counter.builder("peregrine.ingest.lines.rejected")
                .tag("reason", r.name())
                .description("Input lines that did not become a published candle")
                .register(registry)).increment();
    }

    @Override
    public void incidentReported(String rule) {
        incidents.computeIfAbsent(rule, r -> Counter.builder("peregrine.ingest.quality.incidents")
                .tag("rule", r)
                .description("Quality incidents published to market.quality.v1, or recorded when they name no series")
                .register(registry)).increment();
    }

    @Override
    public void messageRead(MessageKind kind) {
        messages.computeIfAbsent(kind, k -> Counter.builder("peregrine.ingest.stream.messages")
                .tag("kind", k.name())
                .description("Binance stream messages read, by kind")
                .register(registry)).increment();
    }
}
