package dev.peregrine.platform.testapp;

import dev.peregrine.common.event.CandleEvent;
import dev.peregrine.common.json.EventCodec;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.support.Acknowledgment;
import org.springframework.stereotype.Component;

/**
 * Consumes the way a service does: decodes with the platform's codec, lets failures propagate to the
 * platform's error handler, and acknowledges only what it processed. Records every attempt so that tests
 * can see retries.
 */
@Component
public class RecordingListener {

    /** Records with this key fail every time, like a record whose processing hits a lasting fault. */
    public static final String FAIL_ALWAYS = "fail-always";

    public record Processed(String key, int partition, long offset, CandleEvent event) {}

    private final EventCodec codec;
    private final List<Processed> processed = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> attemptsByKey = new ConcurrentHashMap<>();
    private final Set<String> broken = ConcurrentHashMap.newKeySet();

    public RecordingListener(EventCodec codec) {
        this.codec = codec;
    }

    @KafkaListener(topics = PlatformTestApplication.TOPIC)
    public void onRecord(ConsumerRecord<String, String> record, Acknowledgment ack) {
        attemptsByKey
                .computeIfAbsent(String.valueOf(record.key()), key -> new AtomicInteger())
                .incrementAndGet();
        CandleEvent event = codec.decode(record.value(), CandleEvent.class);
        if (FAIL_ALWAYS.equals(record.key()) || broken.contains(String.valueOf(record.key()))) {
            throw new IllegalStateException("simulated lasting failure processing event "
                    + event.envelope().eventId());
        }
        processed.add(new Processed(record.key(), record.partition(), record.offset(), event));
        ack.acknowledge();
    }

    /** Records with {@code key} fail until {@link #repair(String)}: a fault an operator can fix. */
    public void breakKey(String key) {
        broken.add(key);
    }

    public void repair(String key) {
        broken.remove(key);
    }

    public List<Processed> processed() {
        return List.copyOf(processed);
    }

    public List<Processed> processed(String key) {
        return processed.stream().filter(p -> key.equals(p.key())).toList();
    }

    public int attempts(String key) {
        AtomicInteger attempts = attemptsByKey.get(key);
        return attempts == null ? 0 : attempts.get();
    }
}
