package dev.peregrine.risk.adapter.in.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.peregrine.common.Topics;
import dev.peregrine.common.event.SignalValidated;
import dev.peregrine.common.json.EventCodec;
import dev.peregrine.common.value.Side;
import dev.peregrine.platform.metrics.PipelineStageTimer;
import dev.peregrine.risk.fixtures.RiskHarness;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.support.Acknowledgment;

class SignalListenerTest {

    private final EventCodec codec = new EventCodec();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final List<SignalValidated> decided = new ArrayList<>();
    private final SignalValidated signal =
            new RiskHarness().signal("momentum", "BTCUSDT", Side.BUY, "100", "95", 0.7, RiskHarness.START);
    private int acks;
    private final Acknowledgment ack = () -> acks++;

    @Test
    void aDecidedSignalIsTimedFromItsRecordsTimestampAsSignalToDecision() {
        SignalListener listener = new SignalListener(
                codec,
                s -> {
                    decided.add(s);
                    return null;
                },
                registry);

        listener.onSignal(record(System.currentTimeMillis() - 250), ack);

        assertThat(decided).containsExactly(signal);
        assertThat(acks).isEqualTo(1);
        Timer timer = stage();
        assertThat(timer.count()).isEqualTo(1);
        assertThat(timer.max(TimeUnit.MILLISECONDS)).isBetween(250.0, 60_000.0);
    }

    @Test
    void aSignalWhoseDecisionFailedIsNeitherAcknowledgedNorTimed() {
        SignalListener listener = new SignalListener(
                codec,
                s -> {
                    throw new IllegalStateException("database away (test)");
                },
                registry);

        assertThatThrownBy(() -> listener.onSignal(record(System.currentTimeMillis()), ack))
                .isInstanceOf(IllegalStateException.class);

        assertThat(acks).isZero();
        assertThat(stage().count()).isZero();
    }

    private Timer stage() {
        return registry.get(PipelineStageTimer.METRIC)
                .tag("stage", "signal_to_decision")
                .timer();
    }

    private ConsumerRecord<String, String> record(long timestamp) {
        return new ConsumerRecord<>(
                Topics.SIGNALS_VALIDATED,
                0,
                0L,
                timestamp,
                TimestampType.CREATE_TIME,
                0,
                0,
                signal.key(),
                codec.encode(signal),
                new RecordHeaders(),
                Optional.empty());
    }
}
