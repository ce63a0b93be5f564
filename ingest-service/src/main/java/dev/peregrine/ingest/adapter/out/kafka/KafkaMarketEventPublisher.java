package dev.peregrine.ingest.adapter.out.kafka;

import dev.peregrine.common.Topics;
import dev.peregrine.common.event.CandleClosed;
import dev.peregrine.common.event.InstrumentUpdated;
import dev.peregrine.common.event.QualityIncident;
import dev.peregrine.ingest.application.port.out.InstrumentPublisher;
import dev.peregrine.ingest.application.port.out.MarketEventPublisher;
import dev.peregrine.platform.kafka.EventPublisher;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Candles to {@code market.candles.v1}, incidents to {@code market.quality.v1}, instruments to
 * {@code market.instruments.v1}, keyed by symbol.
 */
@Component
public class KafkaMarketEventPublisher implements MarketEventPublisher, InstrumentPublisher {

    private final EventPublisher publisher;

    public KafkaMarketEventPublisher(EventPublisher publisher) {
        this.publisher = publisher;
    }

    /** Candles first: an incident about a candle then never reaches the broker before the candle did. */
    @Override
    public void publishAll(List<CandleClosed> candles, List<QualityIncident> incidents) {
        publisher.publishAll(Topics.MARKET_CANDLES, candles);
        publisher.publishAll(Topics.MARKET_QUALITY, incidents);
    }

    /** Candles only go without waiting; with incidents, the candles' acknowledgement comes first. */
    @Override
    public Acknowledgement send(List<CandleClosed> candles, List<QualityIncident> incidents) {
        EventPublisher.Sending sentCandles = publisher.sendAll(Topics.MARKET_CANDLES, candles);
        if (incidents.isEmpty()) {
            return sentCandles::await;
        }
        sentCandles.await();
        return publisher.sendAll(Topics.MARKET_QUALITY, incidents)::await;
    }

    @Override
    public void publishInstruments(List<InstrumentUpdated> events) {
        publisher.publishAll(Topics.MARKET_INSTRUMENTS, events);
    }
}
