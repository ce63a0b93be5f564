package dev.peregrine.monitor.adapter.in.kafka;

import dev.peregrine.common.Topics;
import dev.peregrine.common.event.ExecutionReportEvent;
import dev.peregrine.common.event.RiskDecisionEvent;
import dev.peregrine.common.event.SignalEvent;
import dev.peregrine.common.json.EventCodec;
import dev.peregrine.monitor.application.port.in.RecordTradeFlow;
import dev.peregrine.monitor.application.port.in.Recording;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.support.Acknowledgment;
import org.springframework.stereotype.Component;

/**
 * The monitor's three inputs, all in the service's own consumer group. Decoding errors propagate so the
 * platform dead-letters the record; the record is acknowledged only once recorded (at-least-once).
 */
@Component
public class TradeFlowListener {

    private static final Logger log = LoggerFactory.getLogger(TradeFlowListener.class);

    private final EventCodec eventCodec;
    private final RecordTradeFlow recordTradeFlow;

    public TradeFlowListener(EventCodec eventCodec, RecordTradeFlow recordTradeFlow) {
        this.eventCodec = eventCodec;
        this.recordTradeFlow = recordTradeFlow;
    }

    @KafkaListener(topics = Topics.SIGNALS_VALIDATED)
    public void onSignal(ConsumerRecord<String, String> record, Acknowledgment ack) {
        SignalEvent event = eventCodec.decode(record.value(), SignalEvent.class);
        logDuplicate(recordTradeFlow.recordSignal(event), record);
        ack.acknowledge();
    }

    @KafkaListener(topics = Topics.RISK_DECISIONS)
    public void onDecision(ConsumerRecord<String, String> record, Acknowledgment ack) {
        RiskDecisionEvent event = eventCodec.decode(record.value(), RiskDecisionEvent.class);
        logDuplicate(recordTradeFlow.recordDecision(event), record);
        ack.acknowledge();
    }

    @KafkaListener(topics = Topics.EXECUTION_REPORTS)
    public void onExecutionReport(ConsumerRecord<String, String> record, Acknowledgment ack) {
        ExecutionReportEvent event = eventCodec.decode(record.value(), ExecutionReportEvent.class);
        logDuplicate(recordTradeFlow.recordExecution(event), record);
        ack.acknowledge();
    }

    private static void logDuplicate(Recording recording, ConsumerRecord<String, String> record) {
        if (recording == Recording.DUPLICATE) {
            log.debug(
                    "Already recorded, skipped: {}-{}@{} (key {})",
                    record.topic(),
                    record.partition(),
                    record.offset(),
                    record.key());
        }
    }
}
