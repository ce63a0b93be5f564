package dev.peregrine.backtest.engine;

import dev.peregrine.common.value.Interval;
import dev.peregrine.common.value.Symbol;
import dev.peregrine.ingest.domain.Candle;
import dev.peregrine.ingest.domain.KlineCsvParser;
import dev.peregrine.ingest.domain.KlineFileName;
import dev.peregrine.ingest.domain.ParseResult;
import dev.peregrine.ingest.domain.Series;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.zip.GZIPInputStream;

/**
 * The klines of one (symbol, interval) series, in file order, as ingest reads them: a Binance kline CSV (plain or
 * .gz, named {@code SYMBOL-INTERVAL.csv[.gz]}) parsed by ingest's own parser. A line ingest would reject (a field that
 * is not a number, too few columns) is left out, as a replay leaves it out; whether a parsed candle is consistent is
 * judged later by ingest's quality stage inside the engine.
 */
public record KlineSeries(Symbol symbol, Interval interval, List<Candle> candles) {

    public KlineSeries {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(interval, "interval");
        candles = List.copyOf(candles);
        for (Candle candle : candles) {
            if (!candle.symbol().equals(symbol) || !candle.interval().equals(interval)) {
                throw new IllegalArgumentException("a " + candle.symbol() + " " + candle.interval()
                        + " candle in the series of " + symbol + " " + interval);
            }
        }
    }

    /** Every candle of the file. */
    public static KlineSeries read(Path file) {
        return read(file, Instant.MIN, Instant.MAX, Integer.MAX_VALUE);
    }

    /**
     * The candles of the file opening in [{@code from}, {@code to}), at most {@code limit} of them (the first ones).
     */
    public static KlineSeries read(Path file, Instant from, Instant to, int limit) {
        Series series = KlineFileName.seriesOf(file.getFileName().toString())
                .orElseThrow(() -> new IllegalArgumentException(
                        file + " is not named like a Binance kline file (SYMBOL-INTERVAL.csv[.gz])"));
        KlineCsvParser parser = new KlineCsvParser(series);
        List<Candle> candles = new ArrayList<>(100_000);
        try (BufferedReader reader =
                new BufferedReader(new InputStreamReader(open(file), StandardCharsets.US_ASCII), 1 << 16)) {
            String line;
            boolean first = true;
            while ((line = reader.readLine()) != null && candles.size() < limit) {
                if ((first && KlineCsvParser.isHeader(line)) || line.isBlank()) {
                    first = false;
                    continue;
                }
                first = false;
                if (parser.parse(line) instanceof ParseResult.Parsed parsed) {
                    Instant open = parsed.candle().openTime();
                    if (!open.isBefore(from) && open.isBefore(to)) {
                        candles.add(parsed.candle());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return new KlineSeries(series.symbol(), series.interval(), candles);
    }

    private static InputStream open(Path file) throws IOException {
        InputStream in = Files.newInputStream(file);
        return file.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(in, 1 << 16) : in;
    }
}
