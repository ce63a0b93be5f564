package dev.peregrine.signal.adapter.in.kafka;

import dev.peregrine.common.Topics;
import dev.peregrine.common.event.CandleClosed;
import dev.peregrine.common.event.CandleEvent;
import dev.peregrine.common.json.EventCodec;
import dev.peregrine.signal.application.port.in.EvaluateClosedCandle;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.support.Acknowledgment;
import org.springframework.stereotype.Component;

/** Feeds every closed candle to the analyst pipeline; the offset is committed once its signals are safe. */
@Component
public class CandleListener {

    private final EventCodec eventCodec;
    private final EvaluateClosedCandle evaluateClosedCandle;

    public CandleListener(EventCodec eventCodec, EvaluateClosedCandle evaluateClosedCandle) {
        this.eventCodec = eventCodec;
        this.evaluateClosedCandle = evaluateClosedCandle;
    }

    @KafkaListener(topics = Topics.MARKET_CANDLES)
    public void onCandle(ConsumerRecord<String, String> record, Acknowledgment ack) {
        CandleEvent event = eventCodec.decode(record.value(), CandleEvent.class);
        switch (event) {
            case CandleClosed candle -> evaluateClosedCandle.evaluate(candle);
        }
        ack.acknowledge();
    }
}
