package dev.peregrine.benchmarks.latency;

import dev.peregrine.benchmarks.signal.Klines;
import dev.peregrine.common.event.CandleClosed;
import dev.peregrine.common.event.Envelope;
import dev.peregrine.common.value.Interval;
import dev.peregrine.common.value.Price;
import dev.peregrine.common.value.Quantity;
import dev.peregrine.common.value.Symbol;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.zip.GZIPInputStream;

/**
 * One real Binance kline series (a file of {@code ../shared/data/binance/klines}) as an endless source of closed
 * candles: from a given bar to the file's end, then the file again from its start, shifted in time by its span
 * rounded up to whole days, and so on. Open times keep rising, so signal never sees a candle twice; the one price
 * jump at each seam is real data's own kind of jump.
 */
final class KlineSeries {

    private static final long DAY_MILLIS = Duration.ofDays(1).toMillis();

    private final Path file;
    private final Symbol symbol;
    private final Interval interval;
    private final List<String> rows;
    private final long shiftMillis;
    private final String source;
    private int next;
    private long cycle;

    KlineSeries(Path file, String symbol, Interval interval, List<String> rows, int firstBar) {
        if (rows.isEmpty()) {
            throw new IllegalArgumentException(file + " holds no kline");
        }
        if (firstBar < 0 || firstBar >= rows.size()) {
            throw new IllegalArgumentException("first bar " + firstBar + " outside " + file + "'s " + rows.size());
        }
        this.file = file;
        this.symbol = Symbol.of(symbol);
        this.interval = interval;
        this.rows = rows;
        long span = Long.parseLong(fields(rows.getLast())[0])
                - Long.parseLong(fields(rows.getFirst())[0])
                + interval.millis();
        this.shiftMillis = Math.ceilDiv(span, DAY_MILLIS) * DAY_MILLIS;
        this.source = "latency-harness:" + file.getFileName();
        this.next = firstBar;
    }

    /** The series of {@code file} (named SYMBOL-INTERVAL.csv.gz), its candles starting at bar {@code firstBar}. */
    static KlineSeries read(Path file, int firstBar) {
        String name = file.getFileName().toString();
        int dash = name.indexOf('-');
        int dot = name.indexOf('.');
        if (dash < 1 || dot < dash) {
            throw new IllegalArgumentException(name + " is not named SYMBOL-INTERVAL.csv.gz");
        }
        return new KlineSeries(
                file, name.substring(0, dash), Interval.fromCode(name.substring(dash + 1, dot)), rows(file), firstBar);
    }

    Path file() {
        return file;
    }

    Symbol symbol() {
        return symbol;
    }

    Interval interval() {
        return interval;
    }

    /** The next closed candle of the series, with a root envelope of id {@code eventId} processed at {@code now}. */
    CandleClosed next(UUID eventId, Instant now) {
        String[] f = fields(rows.get(next));
        long shift = cycle * shiftMillis;
        Instant openTime = Instant.ofEpochMilli(Long.parseLong(f[0]) + shift);
        Instant closeTime = Instant.ofEpochMilli(Long.parseLong(f[6]) + shift);
        if (++next == rows.size()) {
            next = 0;
            cycle++;
        }
        return new CandleClosed(
                Envelope.root(eventId, closeTime, now),
                symbol,
                interval,
                openTime,
                closeTime,
                Price.of(f[1]),
                Price.of(f[2]),
                Price.of(f[3]),
                Price.of(f[4]),
                Quantity.of(f[5]),
                Quantity.of(f[7]),
                Long.parseLong(f[8]),
                Quantity.of(f[9]),
                Quantity.of(f[10]),
                source,
                List.of());
    }

    /** A kept line's fields; lines are kept whole (a tenth of the memory of their fields) and split when sent. */
    private static String[] fields(String line) {
        String[] fields = line.split(",", -1);
        if (fields.length < 11) {
            throw new IllegalArgumentException("kline line with " + fields.length + " fields, 11 needed: " + line);
        }
        return fields;
    }

    private static List<String> rows(Path file) {
        List<String> rows = new ArrayList<>(100_000);
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(file), 1 << 16), StandardCharsets.US_ASCII))) {
            String header = reader.readLine();
            if (header == null || !header.startsWith(Klines.HEADER)) {
                throw new IllegalArgumentException(file + " is not a Binance kline CSV: header " + header);
            }
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.isEmpty()) {
                    fields(line);
                    rows.add(line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return rows;
    }
}
