package dev.peregrine.signal;

import static org.awaitility.Awaitility.await;

import dev.peregrine.common.Topics;
import dev.peregrine.common.event.PeregrineEvent;
import dev.peregrine.common.event.SignalEvent;
import dev.peregrine.common.event.SignalValidated;
import dev.peregrine.common.json.EventCodec;
import dev.peregrine.testkit.TopicProbe;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/** Candles into signal-service over the real broker, and its validated signals back out, for its integration tests. */
final class SignalTraffic {

    private static final EventCodec CODEC = new EventCodec();

    private SignalTraffic() {}

    /** Publishes {@code events} on the candle topic under their own keys, waiting for the broker to take them all. */
    static void sendCandles(String bootstrap, List<? extends PeregrineEvent> events) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(),
                new StringSerializer())) {
            for (PeregrineEvent event : events) {
                producer.send(new ProducerRecord<>(Topics.MARKET_CANDLES, event.key(), CODEC.encode(event)));
            }
            producer.flush();
        }
    }

    /** The first {@code count} distinct validated signals of {@code symbol} the probe reads, within {@code timeout}. */
    static List<SignalValidated> awaitSignals(TopicProbe probe, String symbol, int count, Duration timeout) {
        Map<UUID, SignalValidated> byId = new LinkedHashMap<>();
        await().atMost(timeout).pollInterval(Duration.ofMillis(100)).until(() -> {
            for (ConsumerRecord<String, String> r : probe.poll()) {
                if (symbol.equals(r.key())) {
                    SignalValidated s = (SignalValidated) CODEC.decode(r.value(), SignalEvent.class);
                    byId.putIfAbsent(s.signalId(), s);
                }
            }
            return byId.size() >= count;
        });
        return List.copyOf(byId.values());
    }
}
