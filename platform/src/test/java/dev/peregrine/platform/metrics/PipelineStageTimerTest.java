package dev.peregrine.platform.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.CountAtBucket;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

class PipelineStageTimerTest {

    private static final Instant NOW = Instant.parse("2026-12-07T11:00:00Z");

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final PipelineStageTimer timer =
            PipelineStageTimer.register(registry, "signal_to_decision", Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void recordsTheTimeSinceTheCausingRecordsTimestampUnderItsStage() {
        timer.recordSince(record(NOW.minusMillis(7).toEpochMilli(), TimestampType.CREATE_TIME));
        timer.recordSince(record(NOW.minusMillis(300).toEpochMilli(), TimestampType.LOG_APPEND_TIME));

        Timer recorded = stage("signal_to_decision");
        assertThat(recorded.count()).isEqualTo(2);
        assertThat(recorded.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(307.0);
        assertThat(recorded.max(TimeUnit.MILLISECONDS)).isEqualTo(300.0);
    }

    @Test
    void exportsFixedBucketsAroundTheTenMillisecondGoal() {
        timer.recordSince(NOW.minusMillis(7));
        timer.recordSince(NOW.minusMillis(15));

        CountAtBucket[] buckets = stage("signal_to_decision").takeSnapshot().histogramCounts();
        assertThat(buckets).hasSize(PipelineStageTimer.BUCKETS.length);
        assertThat(countAtOrBelow(buckets, 5)).isZero();
        assertThat(countAtOrBelow(buckets, 10)).isEqualTo(1);
        assertThat(countAtOrBelow(buckets, 20)).isEqualTo(2);
    }

    @Test
    void skipsARecordWithoutTimestampAndCountsClockSkewAsZero() {
        timer.recordSince(record(-1, TimestampType.NO_TIMESTAMP_TYPE));
        timer.recordSince(record(NOW.plusMillis(40).toEpochMilli(), TimestampType.CREATE_TIME));

        Timer recorded = stage("signal_to_decision");
        assertThat(recorded.count()).isEqualTo(1);
        assertThat(recorded.max(TimeUnit.MILLISECONDS)).isZero();
    }

    @Test
    void eachStageIsItsOwnSeries() {
        PipelineStageTimer other =
                PipelineStageTimer.register(registry, "intent_to_ack", Clock.fixed(NOW, ZoneOffset.UTC));
        other.recordSince(NOW.minusMillis(3));

        assertThat(stage("intent_to_ack").count()).isEqualTo(1);
        assertThat(stage("signal_to_decision").count()).isZero();
    }

    private Timer stage(String stage) {
        return registry.get(PipelineStageTimer.METRIC).tag("stage", stage).timer();
    }

    private static double countAtOrBelow(CountAtBucket[] buckets, long millis) {
        for (CountAtBucket bucket : buckets) {
            if (bucket.bucket(TimeUnit.MILLISECONDS) == millis) {
                return bucket.count();
            }
        }
        throw new AssertionError("no bucket at " + millis + " ms");
    }

    private static ConsumerRecord<String, String> record(long timestamp, TimestampType type) {
        return new ConsumerRecord<>(
                "signals.validated.v1",
                0,
                0L,
                timestamp,
                type,
                0,
                0,
                "key",
                "value",
                new RecordHeaders(),
                Optional.empty());
    }
}
