package dev.peregrine.platform.testapp;

import dev.peregrine.common.event.CandleClosed;
import dev.peregrine.common.event.Envelope;
import dev.peregrine.common.value.Interval;
import dev.peregrine.common.value.Price;
import dev.peregrine.common.value.Quantity;
import dev.peregrine.common.value.Symbol;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** Candles with fresh event ids, and symbols no other test uses. */
public final class TestCandles {

    private TestCandles() {}

    public static String uniqueSymbol(String prefix) {
        return prefix
                + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toUpperCase(Locale.ROOT);
    }

    public static CandleClosed candle(String symbol, Instant openTime) {
        Instant closeTime = openTime.plus(Interval.ONE_MINUTE.length()).minusMillis(1);
        return new CandleClosed(
                Envelope.root(UUID.randomUUID(), closeTime, Instant.now()),
                Symbol.of(symbol),
                Interval.ONE_MINUTE,
                openTime,
                closeTime,
                Price.of("100.10"),
                Price.of("101.00"),
                Price.of("99.50"),
                Price.of("100.70"),
                Quantity.of("12.5"),
                Quantity.of("1255.0"),
                42,
                Quantity.of("6.0"),
                Quantity.of("603.0"),
                "platform-test",
                List.of());
    }
}
