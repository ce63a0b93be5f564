package dev.peregrine.signal.adapter.in.kafka;

import dev.peregrine.common.Topics;
import dev.peregrine.common.event.CandleClosed;
import dev.peregrine.common.event.CandleEvent;
import dev.peregrine.common.json.EventCodec;
import dev.peregrine.platform.metrics.PipelineStageTimer;
import dev.peregrine.signal.application.port.in.EvaluateClosedCandle;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.Acknowledgment;
import org.springframework.stereotype.Component;

/**
 * Feeds every closed candle to the analyst pipeline, a poll at a time: each candle is judged, its signals stored and
 * published in turn (as one by one), and the poll's candles are stored together at its end ({@link CandleBatchScope})
 * before the offsets are committed. A candle that fails is reported by its index, so the error handler commits the
 * ones before it (their candles are stored by then), retries or dead-letters it, and goes on with the rest.
 *
 * <p>Listener threads: {@code spring.kafka.listener.concurrency} (signal-service.yml), one per partition. Candles
 * are keyed by symbol, so a series is on one partition and judged in order by one thread at a time.
 */
@Component
public class CandleListener {

    /** Its listener threads are named for it ({@code signal-candles-N-C-1}), so CPU per thread can be told apart. */
    static final String LISTENER_ID = "signal-candles";

    /** The per-record count of a batch listener, tagged {@code name} with its listener id. */
    public static final String RECORDS_PROCESSED = "peregrine.listener.records.processed";

    private final EventCodec eventCodec;
    private final EvaluateClosedCandle evaluateClosedCandle;
    private final CandleBatchScope batchScope;
    private final PipelineStageTimer candleToSignal;
    /**
     * Candles handled, one per record: Spring Kafka's own {@code spring.kafka.listener} timer counts calls, which for
     * this batch listener are polls, so whoever balances records read against records processed (local-stack's
     * {@code SuiteFuzzIT}) reads this instead.
     */
    private final Counter processed;

    public CandleListener(
            EventCodec eventCodec,
            EvaluateClosedCandle evaluateClosedCandle,
            CandleBatchScope batchScope,
            MeterRegistry meterRegistry) {
        this.eventCodec = eventCodec;
        this.evaluateClosedCandle = evaluateClosedCandle;
        this.batchScope = batchScope;
        this.candleToSignal = PipelineStageTimer.register(meterRegistry, "candle_to_signal");
        this.processed = Counter.builder(RECORDS_PROCESSED)
                .description("Records a batch listener handled (returned from), one per record")
                .tag("name", LISTENER_ID)
                .register(meterRegistry);
    }

    @KafkaListener(id = LISTENER_ID, idIsGroup = false, topics = Topics.MARKET_CANDLES, batch = "true")
    public void onCandles(List<ConsumerRecord<String, String>> records, Acknowledgment ack) {
        batchScope.run(() -> {
            for (int i = 0; i < records.size(); i++) {
                try {
                    onCandle(records.get(i));
                } catch (RuntimeException e) {
                    throw new BatchListenerFailedException(e.getMessage(), e, i);
                }
            }
        });
        ack.acknowledge();
    }

    private void onCandle(ConsumerRecord<String, String> record) {
        CandleEvent event = eventCodec.decode(record.value(), CandleEvent.class);
        switch (event) {
            case CandleClosed candle -> evaluateClosedCandle.evaluate(candle);
        }
        // The Pipeline dashboard's first stage: from the candle's publication to its signals published (or none).
        candleToSignal.recordSince(record);
        processed.increment();
    }
}
