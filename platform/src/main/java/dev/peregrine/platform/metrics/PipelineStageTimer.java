package dev.peregrine.platform.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.record.TimestampType;

/**
 * The latency of one stage of the pipeline (candle to signal, signal to decision, intent to acknowledgement), taken
 * by the stage's consumer once it has handled a record: from the causing record's Kafka timestamp (its producer's
 * wall clock at send, or the broker's at append) to now. It therefore includes the time the record waited in the
 * topic, which is where a slow stage shows. It is exported as {@value #METRIC} tagged {@code stage}, a histogram with
 * fixed buckets around the 10 ms goal (Prometheus: {@code peregrine_pipeline_stage_latency_seconds_bucket}).
 *
 * <p>The clock must be the wall clock the producers stamp records with, never a service's injected (possibly replay
 * or test) clock: a gap between two clocks would be measured as latency.
 */
public final class PipelineStageTimer {

    public static final String METRIC = "peregrine.pipeline.stage.latency";

    /** Bucket bounds: fine below the 10 ms goal, coarse up to the minutes a falling-behind stage reaches. */
    static final Duration[] BUCKETS = {
        Duration.ofMillis(1),
        Duration.ofMillis(2),
        Duration.ofMillis(5),
        Duration.ofMillis(10),
        Duration.ofMillis(20),
        Duration.ofMillis(50),
        Duration.ofMillis(100),
        Duration.ofMillis(250),
        Duration.ofMillis(500),
        Duration.ofSeconds(1),
        Duration.ofSeconds(5),
        Duration.ofSeconds(30),
        Duration.ofMinutes(2),
        Duration.ofMinutes(10)
    };

    private final Timer timer;
    private final Clock wallClock;

    private PipelineStageTimer(Timer timer, Clock wallClock) {
        this.timer = timer;
        this.wallClock = wallClock;
    }

    /** The timer of {@code stage} (e.g. {@code signal_to_decision}), measured against the system's wall clock. */
    public static PipelineStageTimer register(MeterRegistry registry, String stage) {
        return register(registry, stage, Clock.systemUTC());
    }

    static PipelineStageTimer register(MeterRegistry registry, String stage, Clock wallClock) {
        Timer timer = Timer.builder(METRIC)
                .tag("stage", stage)
                .description("Time from the causing record's Kafka timestamp to the end of the stage's handling")
                .serviceLevelObjectives(BUCKETS)
                .minimumExpectedValue(BUCKETS[0])
                .maximumExpectedValue(BUCKETS[BUCKETS.length - 1])
                .register(registry);
        return new PipelineStageTimer(timer, wallClock);
    }

    /**
     * Records the time since {@code cause} was stamped. A record without a timestamp is skipped (there is nothing
     * honest to measure from); a timestamp ahead of this clock (producer clock skew) counts as zero.
     */
    public void recordSince(ConsumerRecord<?, ?> cause) {
        if (cause.timestampType() == TimestampType.NO_TIMESTAMP_TYPE || cause.timestamp() < 0) {
            return;
        }
        recordSince(Instant.ofEpochMilli(cause.timestamp()));
    }

    /** Records the time since {@code start}, counted as zero if {@code start} is ahead of this clock. */
    public void recordSince(Instant start) {
        long millis = wallClock.millis() - start.toEpochMilli();
        timer.record(Duration.ofMillis(Math.max(0, millis)));
    }
}
