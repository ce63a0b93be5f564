package dev.peregrine.ingest.application;

import dev.peregrine.ingest.domain.quality.QualityMonitor;
import dev.peregrine.ingest.domain.quality.QualitySettings;

import java.time.Clock;
import java.util.Objects;

/** Opens a fresh {@link QualityStage} per feed, all with the configured rules and the injected clock. */
public final class QualityStages {

    private final QualitySettings settings;
    private final Clock clock;

    public QualityStages(QualitySettings settings, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public QualitySettings settings() {
        return settings;
    }

    /** A stage with no history, for the feed named {@code source} (e.g. {@code replay:BTCUSDT-15m.csv.gz}). */
    public QualityStage open(String source) {
        return new QualityStage(new QualityMonitor(settings), source, clock);
    }
}
