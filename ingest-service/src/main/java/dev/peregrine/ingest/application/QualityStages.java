package dev.peregrine.ingest.application;

import dev.peregrine.ingest.application.port.out.IngestMetrics;
import dev.peregrine.ingest.domain.quality.Eviction;
import dev.peregrine.ingest.domain.quality.QualityMonitor;
import dev.peregrine.ingest.domain.quality.QualitySettings;
import dev.peregrine.ingest.domain.quality.StateLimits;
import java.time.Clock;
import java.util.Objects;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens a fresh {@link QualityStage} per feed, all with the configured rules, state bounds and the injected clock;
 * every state a stage drops to stay within its bounds is logged and counted.
 */
public final class QualityStages {

    private static final Logger log = LoggerFactory.getLogger(QualityStages.class);

    private final QualitySettings settings;
    private final StateLimits limits;
    private final Clock clock;
    private final Consumer<Eviction> counted;

    /** With the default bounds, evictions logged but not counted: for tests and tools without metrics. */
    public QualityStages(QualitySettings settings, Clock clock) {
        this(settings, StateLimits.DEFAULTS, clock, eviction -> {});
    }

    public QualityStages(QualitySettings settings, StateLimits limits, Clock clock, IngestMetrics metrics) {
        this(
                settings,
                limits,
                clock,
                eviction -> metrics.qualityStateEvicted(
                        eviction.state().label(), eviction.reason().label()));
        Objects.requireNonNull(metrics, "metrics");
    }

    private QualityStages(QualitySettings settings, StateLimits limits, Clock clock, Consumer<Eviction> counted) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.limits = Objects.requireNonNull(limits, "limits");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.counted = counted;
    }

    public QualitySettings settings() {
        return settings;
    }

    public StateLimits limits() {
        return limits;
    }

    /** A stage with no history, for the feed named {@code source} (e.g. {@code replay:BTCUSDT-15m.csv.gz}). */
    public QualityStage open(String source) {
        return new QualityStage(
                new QualityMonitor(settings, limits, eviction -> {
                    log.info(
                            "Quality stage {} dropped the {} state of {} from memory ({}); {}",
                            source,
                            eviction.state().label(),
                            eviction.key(),
                            eviction.reason().label(),
                            consequence(eviction));
                    counted.accept(eviction);
                }),
                source,
                clock);
    }

    private static String consequence(Eviction eviction) {
        return switch (eviction.state()) {
            case SERIES -> "its next candle is judged against its last accepted one, PRICE_JUMP warms up again";
            case TRADES -> "KLINE_CLOSE_VS_LAST_TRADE judges it again once it trades";
            case RESUME_POINT -> "if it returns, its first candle is judged as a new series' first (no GAP check)";
        };
    }
}
