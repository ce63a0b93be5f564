package dev.peregrine.ingest.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.peregrine.common.value.Interval;
import dev.peregrine.common.value.Symbol;
import dev.peregrine.ingest.domain.Series;
import dev.peregrine.ingest.domain.quality.QualitySettings;
import dev.peregrine.ingest.domain.quality.StateLimits;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class QualityStagesTest {

    private static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");

    @Test
    void everyStateAStageDropsIsCountedByStateAndReason() {
        Fakes.RecordingMetrics metrics = new Fakes.RecordingMetrics();
        QualityStages stages = new QualityStages(
                QualitySettings.defaults(),
                new StateLimits(1, 1, Duration.ofHours(1)),
                Clock.fixed(T0, ZoneOffset.UTC),
                metrics);
        QualityStage stage = stages.open("binance");

        stage.seriesAlive(new Series(Symbol.of("BTCUSDT"), Interval.ONE_MINUTE), T0);
        stage.seriesAlive(new Series(Symbol.of("ETHUSDT"), Interval.ONE_MINUTE), T0);
        stage.trade(Symbol.of("BTCUSDT"), T0, BigDecimal.TEN);
        stage.trade(Symbol.of("ETHUSDT"), T0, BigDecimal.TEN);
        assertThat(metrics.evicted).containsExactly("series/capacity", "trades/capacity");

        stage.heartbeatAt(T0.plus(Duration.ofHours(2)));

        assertThat(metrics.evicted).containsExactly("series/capacity", "trades/capacity", "series/idle", "trades/idle");
        // another feed's stage has its own state and bounds
        assertThat(stages.open("replay:x").lastTradePrices()).isEmpty();
    }
}
