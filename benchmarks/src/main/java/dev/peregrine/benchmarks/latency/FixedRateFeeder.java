package dev.peregrine.benchmarks.latency;

import dev.peregrine.common.Topics;
import dev.peregrine.common.event.CandleClosed;
import dev.peregrine.common.id.IdGenerator;
import dev.peregrine.common.json.EventCodec;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes closed candles to market.candles.v1 on a fixed schedule: candle i is due at start + i / rate, round-robin
 * over the series. A candle is sent when it is due, or at once when the feeder is behind; the ledger keeps both
 * times, so the latency from the due time counts the wait a late send hides (coordinated omission). Sends never wait
 * for the broker: its acknowledgement arrives on the producer's thread.
 *
 * <p>The producer is configured like a service's (acks=all, idempotent) except {@code linger.ms} 0: at most one
 * candle is due at a time, and a linger would only hold it back.
 */
final class FixedRateFeeder implements AutoCloseable {

    private final KafkaProducer<String, String> producer;
    private final List<KlineSeries> series;
    private final LatencyLedger ledger;
    private final IdGenerator ids;
    private final Clock clock;
    private final EventCodec codec = new EventCodec();
    private volatile long lastLateNanos;
    private volatile long maxLateNanos;

    FixedRateFeeder(
            String bootstrapServers, List<KlineSeries> series, LatencyLedger ledger, IdGenerator ids, Clock clock) {
        if (series.isEmpty()) {
            throw new IllegalArgumentException("no series to feed");
        }
        this.series = List.copyOf(series);
        this.ledger = ledger;
        this.ids = ids;
        this.clock = clock;
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                true,
                ProducerConfig.LINGER_MS_CONFIG,
                0,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class));
    }

    /**
     * Publishes {@code candles} candles at {@code rate} per second on this thread; the first {@code warmupCandles}
     * are sent but not measured. Returns when the last one was handed to the producer.
     */
    void run(long candles, int rate, long warmupCandles) {
        double periodNanos = 1e9 / rate;
        long start = System.nanoTime();
        for (long i = 0; i < candles; i++) {
            long due = start + (long) (i * periodNanos);
            long now;
            while ((now = System.nanoTime()) < due) {
                LockSupport.parkNanos(due - now);
            }
            KlineSeries next = series.get((int) (i % series.size()));
            UUID id = ids.next();
            CandleClosed candle = next.next(id, clock.instant());
            String json = codec.encode(candle);
            long sentMillis = System.currentTimeMillis();
            long sentNanos = System.nanoTime();
            ledger.sent(id, new LatencyLedger.Sent(due, sentNanos, sentMillis, i >= warmupCandles));
            producer.send(
                    new ProducerRecord<>(Topics.MARKET_CANDLES, null, sentMillis, candle.key(), json),
                    (metadata, error) -> {
                        if (error != null) {
                            ledger.sendFailures.incrementAndGet();
                        }
                    });
            lastLateNanos = sentNanos - due;
            maxLateNanos = Math.max(maxLateNanos, sentNanos - due);
        }
        producer.flush();
    }

    /** How late after its due time the last candle was sent (the feeder's own lag behind the schedule). */
    long lastLateNanos() {
        return lastLateNanos;
    }

    /** The latest any candle was sent after its due time. */
    long maxLateNanos() {
        return maxLateNanos;
    }

    @Override
    public void close() {
        producer.close();
    }
}
