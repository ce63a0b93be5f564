package dev.peregrine.risk.adapter.in.kafka;

import dev.peregrine.common.Topics;
import dev.peregrine.common.event.CandleClosed;
import dev.peregrine.common.event.CandleEvent;
import dev.peregrine.common.event.InstrumentEvent;
import dev.peregrine.common.event.InstrumentUpdated;
import dev.peregrine.common.json.EventCodec;
import dev.peregrine.risk.application.port.in.ObserveCandle;
import dev.peregrine.risk.application.port.in.RecordMarketFacts;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.support.Acknowledgment;
import org.springframework.stereotype.Component;

/**
 * Closed candles mark the portfolio; instruments carry the exchange's filters. Acknowledged once applied; a record
 * that cannot be decoded propagates so the platform's error handler dead-letters it.
 */
@Component
public class MarketListener {

    private final EventCodec codec;
    private final ObserveCandle observeCandle;
    private final RecordMarketFacts facts;

    public MarketListener(EventCodec codec, ObserveCandle observeCandle, RecordMarketFacts facts) {
        this.codec = codec;
        this.observeCandle = observeCandle;
        this.facts = facts;
    }

    @KafkaListener(topics = Topics.MARKET_CANDLES)
    public void onCandle(ConsumerRecord<String, String> record, Acknowledgment ack) {
        CandleEvent event = codec.decode(record.value(), CandleEvent.class);
        switch (event) {
            case CandleClosed candle -> observeCandle.observe(candle);
        }
        ack.acknowledge();
    }

    @KafkaListener(topics = Topics.MARKET_INSTRUMENTS)
    public void onInstrument(ConsumerRecord<String, String> record, Acknowledgment ack) {
        InstrumentEvent event = codec.decode(record.value(), InstrumentEvent.class);
        switch (event) {
            case InstrumentUpdated instrument -> facts.instrument(instrument);
        }
        ack.acknowledge();
    }
}
