package dev.peregrine.signal.domain.bar;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What the strategies and indicators need of a closed candle. Prices and volumes stay {@link BigDecimal}
 * here so the signal's reference price is the close exactly as received; the indicator maths converts to
 * {@code double}.
 *
 * @param openTime           start of the candle; a series' bars are ordered and deduplicated by it
 * @param closeTime          last instant the candle covers (Binance style: open time + interval - 1 ms)
 * @param volume             traded base-asset volume
 * @param quoteVolume        traded quote-asset volume
 * @param takerBuyBaseVolume base-asset volume bought by takers (aggressive buyers)
 * @param qualityFlags       the data-quality flags ingest attached; empty for a clean candle
 */
public record Bar(
        Instant openTime,
        Instant closeTime,
        BigDecimal open,
        BigDecimal high,
        BigDecimal low,
        BigDecimal close,
        BigDecimal volume,
        BigDecimal quoteVolume,
        BigDecimal takerBuyBaseVolume,
        List<String> qualityFlags) {

    public Bar {
        Objects.requireNonNull(openTime, "openTime");
        Objects.requireNonNull(closeTime, "closeTime");
        Objects.requireNonNull(open, "open");
        Objects.requireNonNull(high, "high");
        Objects.requireNonNull(low, "low");
        Objects.requireNonNull(close, "close");
        Objects.requireNonNull(volume, "volume");
        Objects.requireNonNull(quoteVolume, "quoteVolume");
        Objects.requireNonNull(takerBuyBaseVolume, "takerBuyBaseVolume");
        qualityFlags = List.copyOf(Objects.requireNonNull(qualityFlags, "qualityFlags"));
        if (!closeTime.isAfter(openTime)) {
            throw new IllegalArgumentException("closeTime " + closeTime + " must be after openTime " + openTime);
        }
    }
}
