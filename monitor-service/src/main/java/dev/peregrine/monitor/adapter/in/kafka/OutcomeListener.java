package dev.peregrine.monitor.adapter.in.kafka;

import dev.peregrine.common.Topics;
import dev.peregrine.common.event.CandleClosed;
import dev.peregrine.common.event.CandleEvent;
import dev.peregrine.common.event.PortfolioEvent;
import dev.peregrine.common.event.PortfolioValued;
import dev.peregrine.common.event.PositionChanged;
import dev.peregrine.common.event.RiskControlChanged;
import dev.peregrine.common.event.SignalEvent;
import dev.peregrine.common.event.SignalValidated;
import dev.peregrine.common.json.EventCodec;
import dev.peregrine.monitor.application.port.in.MeasureOutcomes;
import dev.peregrine.monitor.application.port.in.RecordTradeOutcomes;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.support.Acknowledgment;
import org.springframework.stereotype.Component;

/**
 * The inputs of outcomes, in their own consumer group ({@code peregrine.monitor.outcomes.consumer-group}): they keep
 * their own offsets, and share no topic's partitions with the trade-flow recording of the same signals. Decoding
 * errors propagate so the platform dead-letters the record; a record is acknowledged once applied.
 */
@Component
public class OutcomeListener {

    private static final Logger log = LoggerFactory.getLogger(OutcomeListener.class);

    private final EventCodec codec;
    private final MeasureOutcomes outcomes;
    private final RecordTradeOutcomes trades;

    public OutcomeListener(EventCodec codec, MeasureOutcomes outcomes, RecordTradeOutcomes trades) {
        this.codec = codec;
        this.outcomes = outcomes;
        this.trades = trades;
    }

    @KafkaListener(topics = Topics.SIGNALS_VALIDATED, groupId = "${peregrine.monitor.outcomes.consumer-group}")
    public void onSignal(ConsumerRecord<String, String> record, Acknowledgment ack) {
        switch (codec.decode(record.value(), SignalEvent.class)) {
            case SignalValidated signal -> outcomes.signalValidated(signal);
        }
        ack.acknowledge();
    }

    @KafkaListener(topics = Topics.MARKET_CANDLES, groupId = "${peregrine.monitor.outcomes.consumer-group}")
    public void onCandle(ConsumerRecord<String, String> record, Acknowledgment ack) {
        switch (codec.decode(record.value(), CandleEvent.class)) {
            case CandleClosed candle -> {
                if (outcomes.candleClosed(candle) == MeasureOutcomes.CandleRecording.REJECTED) {
                    log.warn(
                            "Candle refused for outcomes (inconsistent prices): {}-{}@{} {} {}",
                            record.topic(),
                            record.partition(),
                            record.offset(),
                            candle.symbol(),
                            candle.openTime());
                }
            }
        }
        ack.acknowledge();
    }

    @KafkaListener(topics = Topics.RISK_PORTFOLIO, groupId = "${peregrine.monitor.outcomes.consumer-group}")
    public void onPortfolio(ConsumerRecord<String, String> record, Acknowledgment ack) {
        switch (codec.decode(record.value(), PortfolioEvent.class)) {
            case PositionChanged position -> trades.positionChanged(position);
            case PortfolioValued ignored -> {}
            case RiskControlChanged ignored -> {}
        }
        ack.acknowledge();
    }
}
