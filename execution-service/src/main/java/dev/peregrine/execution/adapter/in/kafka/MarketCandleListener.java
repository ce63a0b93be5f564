package dev.peregrine.execution.adapter.in.kafka;

import dev.peregrine.common.Topics;
import dev.peregrine.common.event.CandleClosed;
import dev.peregrine.common.event.CandleEvent;
import dev.peregrine.common.json.EventCodec;
import dev.peregrine.execution.application.port.in.ObserveMarket;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.support.Acknowledgment;
import org.springframework.stereotype.Component;

/**
 * Feeds closed candles to the market observation, in its own listener so a burst of candles never
 * delays intents and the other way round.
 */
@Component
class MarketCandleListener {

    private final EventCodec codec;
    private final ObserveMarket observeMarket;

    MarketCandleListener(EventCodec codec, ObserveMarket observeMarket) {
        this.codec = codec;
        this.observeMarket = observeMarket;
    }

    @KafkaListener(topics = Topics.MARKET_CANDLES)
    void onCandle(ConsumerRecord<String, String> record, Acknowledgment ack) {
        CandleEvent event = codec.decode(record.value(), CandleEvent.class);
        switch (event) {
            case CandleClosed candle -> observeMarket.observe(candle);
        }
        ack.acknowledge();
    }
}
