package dev.peregrine.exchangesim;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/** One kline series: a symbol (Binance spelling, upper case) and an interval. */
public record SeriesKey(String symbol, KlineInterval interval) {

    /** The symbol syntax Binance's REST API accepts (anything else is answered with -1100). */
    static final Pattern SYMBOL = Pattern.compile("^[A-Z0-9-_.]{1,20}$");

    public SeriesKey {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(interval, "interval");
        if (!SYMBOL.matcher(symbol).matches()) {
            throw new IllegalArgumentException(
                    "symbol '" + symbol + "' is not a Binance symbol (upper case, " + SYMBOL.pattern() + ")");
        }
    }

    public static SeriesKey of(String symbol, String interval) {
        return new SeriesKey(symbol, KlineInterval.of(interval));
    }

    /** The WebSocket stream carrying this series, e.g. {@code btcusdt@kline_1m} (stream symbols are lower case). */
    public String streamName() {
        return symbol.toLowerCase(Locale.ROOT) + "@kline_" + interval.code();
    }

    @Override
    public String toString() {
        return symbol + "-" + interval.code();
    }
}
