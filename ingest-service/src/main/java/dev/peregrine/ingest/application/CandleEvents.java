package dev.peregrine.ingest.application;

import dev.peregrine.common.event.CandleClosed;
import dev.peregrine.common.event.Envelope;
import dev.peregrine.common.value.Price;
import dev.peregrine.common.value.Quantity;
import dev.peregrine.ingest.application.port.out.StoredCandle;
import dev.peregrine.ingest.domain.Candle;
import java.time.Instant;

/**
 * The {@code CandleClosed} of a stored candle, the same for every source (replays, the live stream, the REST
 * backfill): published under the stored event id, which starts the correlation chain, at the candle's close time.
 */
final class CandleEvents {

    private CandleEvents() {}

    static CandleClosed closed(StoredCandle stored, Instant processingTime) {
        Candle c = stored.candle();
        Envelope envelope = Envelope.root(stored.eventId(), c.closeTime(), processingTime);
        return new CandleClosed(
                envelope,
                c.symbol(),
                c.interval(),
                c.openTime(),
                c.closeTime(),
                Price.of(c.open()),
                Price.of(c.high()),
                Price.of(c.low()),
                Price.of(c.close()),
                Quantity.of(c.volume()),
                Quantity.of(c.quoteVolume()),
                c.trades(),
                Quantity.of(c.takerBuyBaseVolume()),
                Quantity.of(c.takerBuyQuoteVolume()),
                stored.source(),
                stored.qualityFlags());
    }
}
