package dev.peregrine.risk.adapter.in.kafka;

import dev.peregrine.common.Topics;
import dev.peregrine.common.event.AccountEvent;
import dev.peregrine.common.event.AccountSnapshot;
import dev.peregrine.common.event.ExecutionReportEvent;
import dev.peregrine.common.event.StrategyLifecycleEvent;
import dev.peregrine.common.event.StrategyStateChanged;
import dev.peregrine.common.json.EventCodec;
import dev.peregrine.risk.application.port.in.ApplyExecutionReport;
import dev.peregrine.risk.application.port.in.RecordMarketFacts;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.support.Acknowledgment;
import org.springframework.stereotype.Component;

/**
 * The facts that change what the account holds (execution reports, the venue's account snapshots) and the strategy
 * lifecycle (a pause may close positions). Acknowledged once applied and stored.
 */
@Component
public class ExecutionListener {

    private final EventCodec codec;
    private final ApplyExecutionReport reports;
    private final RecordMarketFacts facts;

    public ExecutionListener(EventCodec codec, ApplyExecutionReport reports, RecordMarketFacts facts) {
        this.codec = codec;
        this.reports = reports;
        this.facts = facts;
    }

    @KafkaListener(topics = Topics.EXECUTION_REPORTS)
    public void onReport(ConsumerRecord<String, String> record, Acknowledgment ack) {
        reports.apply(codec.decode(record.value(), ExecutionReportEvent.class));
        ack.acknowledge();
    }

    @KafkaListener(topics = Topics.EXECUTION_ACCOUNTS)
    public void onAccount(ConsumerRecord<String, String> record, Acknowledgment ack) {
        AccountEvent event = codec.decode(record.value(), AccountEvent.class);
        switch (event) {
            case AccountSnapshot snapshot -> facts.account(snapshot);
        }
        ack.acknowledge();
    }

    @KafkaListener(topics = Topics.STRATEGY_EVENTS)
    public void onStrategy(ConsumerRecord<String, String> record, Acknowledgment ack) {
        StrategyLifecycleEvent event = codec.decode(record.value(), StrategyLifecycleEvent.class);
        switch (event) {
            case StrategyStateChanged changed -> facts.strategyState(changed);
        }
        ack.acknowledge();
    }
}
