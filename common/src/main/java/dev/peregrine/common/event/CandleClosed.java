package dev.peregrine.common.event;

import dev.peregrine.common.value.Interval;
import dev.peregrine.common.value.Price;
import dev.peregrine.common.value.Quantity;
import dev.peregrine.common.value.Symbol;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A closed kline, with Binance's fields, plus the quality flags ingest's data-quality stage attached
 * (empty when the candle passed every rule). Signal validation refuses to score a flagged candle.
 *
 * @param source where it came from, e.g. {@code replay:BTCUSDT-15m.csv.gz} or {@code binance-ws}
 */
public record CandleClosed(
        Envelope envelope,
        Symbol symbol,
        Interval interval,
        Instant openTime,
        Instant closeTime,
        Price open,
        Price high,
        Price low,
        Price close,
        Quantity volume,
        Quantity quoteVolume,
        long trades,
        Quantity takerBuyBaseVolume,
        Quantity takerBuyQuoteVolume,
        String source,
        List<String> qualityFlags)
        implements CandleEvent {

    public CandleClosed {
        Objects.requireNonNull(envelope, "envelope");
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(openTime, "openTime");
        Objects.requireNonNull(closeTime, "closeTime");
        Objects.requireNonNull(open, "open");
        Objects.requireNonNull(high, "high");
        Objects.requireNonNull(low, "low");
        Objects.requireNonNull(close, "close");
        Objects.requireNonNull(volume, "volume");
        Objects.requireNonNull(quoteVolume, "quoteVolume");
        Objects.requireNonNull(takerBuyBaseVolume, "takerBuyBaseVolume");
        Objects.requireNonNull(takerBuyQuoteVolume, "takerBuyQuoteVolume");
        Objects.requireNonNull(source, "source");
        qualityFlags = List.copyOf(Objects.requireNonNull(qualityFlags, "qualityFlags"));
        if (!closeTime.isAfter(openTime)) {
            throw new IllegalArgumentException("closeTime must be after openTime");
        }
        if (trades < 0) {
            throw new IllegalArgumentException("trades must not be negative: " + trades);
        }
    }

    @Override
    public String key() {
        return symbol.value();
    }

    public boolean flagged() {
        return !qualityFlags.isEmpty();
    }
}
