package dev.peregrine.ingest.domain;

import dev.peregrine.common.value.Interval;
import dev.peregrine.common.value.Symbol;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the series from a kline file name: {@code SYMBOL-INTERVAL.csv[.gz]} as in the shared data
 * ({@code BTCUSDT-15m.csv.gz}), and Binance's monthly dumps ({@code BTCUSDT-15m-2024-01.csv}) too.
 */
public final class KlineFileName {

    private static final Pattern NAME =
            Pattern.compile("([A-Za-z0-9]{2,20})-(\\d{1,2}[smhdw])(?:-[^/\\\\]*)?\\.csv(?:\\.gz)?");

    private KlineFileName() {}

    public static Optional<Series> seriesOf(String fileName) {
        if (fileName == null) {
            return Optional.empty();
        }
        Matcher matcher = NAME.matcher(fileName);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Series(
                    Symbol.of(matcher.group(1).toUpperCase(Locale.ROOT)), Interval.fromCode(matcher.group(2))));
        } catch (IllegalArgumentException unknownInterval) {
            return Optional.empty();
        }
    }
}
