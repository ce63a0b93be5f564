package dev.peregrine.ingest.application.port.out;

import dev.peregrine.ingest.domain.Candle;
import dev.peregrine.ingest.domain.Series;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The exchange's kline history ({@code GET /api/v3/klines}). */
public interface KlineHistory {

    /** Most klines one request returns. */
    int MAX_LIMIT = 1000;

    /**
     * Up to {@code limit} klines of {@code series} with open times in [startTime, endTime], oldest first: the first
     * ones from {@code startTime} when it is given, else the most recent ones. The last may still be open.
     *
     * @throws ExchangeUnavailableException when no answer could be had, after the client's retries
     */
    List<Candle> klines(Series series, Optional<Instant> startTime, Optional<Instant> endTime, int limit);
}
