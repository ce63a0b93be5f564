package dev.peregrine.execution.adapter.in.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.peregrine.common.Topics;
import dev.peregrine.common.event.OrderIntentCreated;
import dev.peregrine.common.json.EventCodec;
import dev.peregrine.execution.fixtures.Events;
import dev.peregrine.platform.metrics.PipelineStageTimer;
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

class OrderIntentListenerTest {

    private final EventCodec codec = new EventCodec();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final List<OrderIntentCreated> placed = new ArrayList<>();
    private int acks;

    @Test
    void aPlacedIntentIsTimedFromItsRecordsTimestampAsIntentToAck() {
        OrderIntentListener listener = new OrderIntentListener(
                codec,
                intent -> {
                    placed.add(intent);
                    return null;
                },
                cancel -> Optional.empty(),
                registry);
        OrderIntentCreated intent = Events.marketIntent("BTCUSDT", "pg-1", "0.01", Events.SIGNAL_CLOSE);

        listener.onIntent(record(intent.key(), codec.encode(intent), System.currentTimeMillis() - 120), () -> acks++);

        assertThat(placed).containsExactly(intent);
        assertThat(acks).isEqualTo(1);
        Timer timer = registry.get(PipelineStageTimer.METRIC)
                .tag("stage", "intent_to_ack")
                .timer();
        assertThat(timer.count()).isEqualTo(1);
        assertThat(timer.max(TimeUnit.MILLISECONDS)).isBetween(120.0, 60_000.0);
    }

    private static ConsumerRecord<String, String> record(String key, String value, long timestamp) {
        return new ConsumerRecord<>(
                Topics.ORDERS_INTENTS,
                0,
                0L,
                timestamp,
                TimestampType.CREATE_TIME,
                0,
                0,
                key,
                value,
                new RecordHeaders(),
                Optional.empty());
    }
}
