package dev.peregrine.benchmarks.latency;

import dev.peregrine.common.Topics;
import dev.peregrine.common.event.CandleEvent;
import dev.peregrine.common.event.Envelope;
import dev.peregrine.common.event.ExecutionReportEvent;
import dev.peregrine.common.event.OrderIntentCreated;
import dev.peregrine.common.event.OrderIntentEvent;
import dev.peregrine.common.event.PeregrineEvent;
import dev.peregrine.common.event.RiskDecisionEvent;
import dev.peregrine.common.event.SignalEvent;
import dev.peregrine.common.event.SignalValidated;
import dev.peregrine.common.event.StrategyCommandEvent;
import dev.peregrine.common.event.StrategyLifecycleEvent;
import dev.peregrine.common.event.TradeApproved;
import dev.peregrine.common.event.TradeDenied;
import dev.peregrine.common.json.EventCodec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads market.candles.v1, signals.validated.v1, risk.decisions.v1, orders.intents.v1, execution.reports.v1 and the
 * strategy topics (commands and state changes, whose exits are no candle's) from their beginning on a thread of its own and hands every candle, signal, decision, intent and execution report to the {@link LatencyLedger}, stamped with the time it was received. The
 * consumer is the harness's own (no group, partitions assigned), reading committed records only, as the services do;
 * with {@code fetch.min.bytes} 1 the broker answers a fetch as soon as any record is there.
 */
final class ChainCollector implements AutoCloseable {

    private static final List<String> TOPICS = List.of(
            Topics.MARKET_CANDLES,
            Topics.SIGNALS_VALIDATED,
            Topics.RISK_DECISIONS,
            Topics.ORDERS_INTENTS,
            Topics.EXECUTION_REPORTS,
            Topics.STRATEGY_COMMANDS,
            Topics.STRATEGY_EVENTS);

    private static final String EVENT_ID = "\"eventId\":\"";

    private final KafkaConsumer<String, String> consumer;
    private final LatencyLedger ledger;
    private final EventCodec codec = new EventCodec();
    private final Thread thread;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private volatile boolean running = true;
    private final long intentsFromEpochMillis;

    /**
     * @param intentsFromEpochMillis intents published (record timestamp) before this are ignored: on a broker other runs
     *                               or tests used before, their intents may carry correlation ids that are no candle's
     *                               (a breaker's exits), which would otherwise count as unmatched
     */
    ChainCollector(String bootstrapServers, LatencyLedger ledger, long intentsFromEpochMillis) {
        this.ledger = ledger;
        this.intentsFromEpochMillis = intentsFromEpochMillis;
        this.consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false,
                ConsumerConfig.FETCH_MIN_BYTES_CONFIG,
                1,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG,
                2000,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class));
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : TOPICS) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(30));
            if (infos == null || infos.isEmpty()) {
                consumer.close();
                throw new IllegalStateException("topic " + topic + " does not exist: are the services running?");
            }
            infos.forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        this.thread = Thread.ofPlatform().name("latency-collector").daemon().start(this::run);
    }

    private void run() {
        try {
            while (running) {
                ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(100));
                long receivedNanos = System.nanoTime();
                long receivedMillis = System.currentTimeMillis();
                for (ConsumerRecord<String, String> record : records) {
                    accept(record, receivedNanos, receivedMillis);
                }
            }
        } catch (RuntimeException | Error e) {
            failure.set(e);
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private void accept(ConsumerRecord<String, String> record, long receivedNanos, long receivedMillis) {
        switch (record.topic()) {
            case Topics.MARKET_CANDLES -> ledger.primed(candleId(record.value()));
            case Topics.SIGNALS_VALIDATED -> {
                if (codec.decode(record.value(), SignalEvent.class) instanceof SignalValidated signal) {
                    ledger.signal(
                            signal.signalId(), signal.envelope().correlationId(), receivedNanos, record.timestamp());
                }
            }
            case Topics.RISK_DECISIONS -> {
                RiskDecisionEvent decision = codec.decode(record.value(), RiskDecisionEvent.class);
                ledger.decision(
                        decision.envelope().correlationId(),
                        switch (decision) {
                            case TradeApproved approved -> "approved " + approved.side();
                            case TradeDenied denied ->
                                "denied "
                                        + (denied.reasons().isEmpty()
                                                ? "?"
                                                : denied.reasons().getFirst().code());
                        });
            }
            case Topics.ORDERS_INTENTS -> {
                if (record.timestamp() >= intentsFromEpochMillis
                        && codec.decode(record.value(), OrderIntentEvent.class) instanceof OrderIntentCreated intent) {
                    ledger.intent(
                            intent.intentId(),
                            intent.signalId(),
                            intent.envelope().correlationId(),
                            receivedNanos,
                            record.timestamp(),
                            receivedMillis);
                }
            }
            case Topics.EXECUTION_REPORTS -> {
                if (record.timestamp() >= intentsFromEpochMillis) {
                    ExecutionReportEvent report = codec.decode(record.value(), ExecutionReportEvent.class);
                    ledger.report(report.intentId(), receivedNanos, record.timestamp());
                }
            }
            case Topics.STRATEGY_COMMANDS -> strategyChange(record, StrategyCommandEvent.class);
            case Topics.STRATEGY_EVENTS -> strategyChange(record, StrategyLifecycleEvent.class);
            default -> throw new IllegalStateException("not assigned: " + record.topic());
        }
    }

    /** A command or state change a test may have sent malformed on purpose (one dead-lettered) is skipped. */
    private void strategyChange(ConsumerRecord<String, String> record, Class<? extends PeregrineEvent> type) {
        Envelope envelope;
        try {
            envelope = codec.decode(record.value(), type).envelope();
        } catch (RuntimeException e) {
            return;
        }
        ledger.strategyChange(envelope.eventId(), envelope.correlationId());
    }

    /**
     * The candle's event id without decoding the whole candle: a candle's only {@code eventId} is its envelope's. A
     * full decode of every candle took about a tenth of the harness JVM's CPU at 1,000 candles/s, CPU the chain it
     * measures shares.
     */
    static String candleIdText(String json) {
        int at = json.indexOf(EVENT_ID);
        return at < 0 ? null : json.substring(at + EVENT_ID.length(), at + EVENT_ID.length() + 36);
    }

    private UUID candleId(String json) {
        String text = candleIdText(json);
        return text != null
                ? UUID.fromString(text)
                : codec.decode(json, CandleEvent.class).envelope().eventId();
    }

    /** Stops reading; the ledger's histograms may be read once this returns. Throws what stopped the reader early. */
    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(Duration.ofSeconds(30));
        Throwable thrown = failure.get();
        if (thrown != null) {
            throw new IllegalStateException("the collector failed: " + thrown, thrown);
        }
    }
}
