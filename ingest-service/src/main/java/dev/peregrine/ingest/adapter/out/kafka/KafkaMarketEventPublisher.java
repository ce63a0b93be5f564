package dev.peregrine.ingest.adapter.out.kafka;

import dev.peregrine.common.Topics;
import dev.peregrine.common.event.CandleClosed;
import dev.peregrine.common.event.QualityIncident;
import dev.peregrine.ingest.application.port.out.MarketEventPublisher;
import dev.peregrine.platform.kafka.EventPublisher;
import org.springframework.stereotype.Component;

/** Candles to {@code market.candles.v1}, incidents to {@code market.quality.v1}, keyed by symbol. */
@Component
public class KafkaMarketEventPublisher implements MarketEventPublisher {

    private final EventPublisher publisher;

    public KafkaMarketEventPublisher(EventPublisher publisher) {
        this.publisher = publisher;
    }

    @Override
    public void publishCandle(CandleClosed candle) {
        publisher.publish(Topics.MARKET_CANDLES, candle);
    }

    @Override
    public void publishIncident(QualityIncident incident) {
        publisher.publish(Topics.MARKET_QUALITY, incident);
    }
}
