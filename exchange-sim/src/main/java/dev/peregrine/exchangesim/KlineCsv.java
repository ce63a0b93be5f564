package dev.peregrine.exchangesim;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * Reads Binance kline files ({@code open_time,open,high,low,close,volume,close_time,quote_volume,trades,
 * taker_buy_base_volume,taker_buy_quote_volume}, optionally Binance's trailing "ignore" column and a header
 * line), plain or gzip-compressed. Recorded input is expected to be clean, so a bad line fails the load with
 * its file and line number rather than being skipped: a simulator silently serving a gap would hide the
 * very problems the tests look for.
 */
public final class KlineCsv {

    private static final int COLUMNS = 11;
    private static final int COLUMNS_WITH_IGNORE = 12;
    /** Binance's data dumps switched from epoch milliseconds to microseconds in 2025; both are accepted. */
    private static final long MICROS_FROM = 1_000_000_000_000_000L;

    private static final Pattern FILE_NAME = Pattern.compile("^([A-Z0-9]{2,20})-(\\d{1,2}[smhdwM])(?:[-.].*)?$");

    private KlineCsv() {}

    /** The klines of a file, in open-time order. */
    public static List<Kline> read(Path file) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(open(file), StandardCharsets.UTF_8))) {
            List<Kline> klines = new ArrayList<>();
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                String text = number == 1 ? stripByteOrderMark(line) : line;
                if (text.isBlank() || (number == 1 && isHeader(text))) {
                    continue;
                }
                klines.add(parse(text, file + ":" + number));
            }
            return inOpenTimeOrder(klines, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read kline file " + file, e);
        }
    }

    /** The series a file holds according to Binance's naming, e.g. {@code BTCUSDT-1h.csv.gz} or {@code BTCUSDT-1m-2024-08.csv}. */
    public static Optional<SeriesKey> seriesFromFileName(Path file) {
        Matcher matcher = FILE_NAME.matcher(file.getFileName().toString());
        if (!matcher.matches()) {
            return Optional.empty();
        }
        return KlineInterval.fromCode(matcher.group(2)).map(interval -> new SeriesKey(matcher.group(1), interval));
    }

    /** One kline line; {@code location} names the line in the error message. */
    static Kline parse(String line, String location) {
        String[] fields = line.split(",", -1);
        if (fields.length != COLUMNS && fields.length != COLUMNS_WITH_IGNORE) {
            throw new IllegalArgumentException(location + ": expected " + COLUMNS + " or " + COLUMNS_WITH_IGNORE
                    + " comma-separated columns (open_time,open,high,low,close,volume,close_time,quote_volume,trades,"
                    + "taker_buy_base_volume,taker_buy_quote_volume[,ignore]), found " + fields.length);
        }
        try {
            return new Kline(
                    time(fields[0]),
                    decimal(fields[1]),
                    decimal(fields[2]),
                    decimal(fields[3]),
                    decimal(fields[4]),
                    decimal(fields[5]),
                    time(fields[6]),
                    decimal(fields[7]),
                    Long.parseLong(fields[8].trim()),
                    decimal(fields[9]),
                    decimal(fields[10]));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(location + ": " + e.getMessage(), e);
        }
    }

    static List<Kline> inOpenTimeOrder(List<Kline> klines, String source) {
        List<Kline> sorted = new ArrayList<>(klines);
        sorted.sort(Comparator.comparing(Kline::openTime));
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).openTime().equals(sorted.get(i - 1).openTime())) {
                throw new IllegalArgumentException(
                        source + ": two klines open at " + sorted.get(i).openTime()
                                + "; Binance identifies a kline by its open time, so a series cannot hold both");
            }
        }
        return List.copyOf(sorted);
    }

    private static boolean isHeader(String line) {
        return !line.isEmpty() && !Character.isDigit(line.charAt(0));
    }

    private static Instant time(String field) {
        long value = Long.parseLong(field.trim());
        return Instant.ofEpochMilli(value >= MICROS_FROM ? value / 1_000 : value);
    }

    private static BigDecimal decimal(String field) {
        return new BigDecimal(field.trim());
    }

    private static String stripByteOrderMark(String line) {
        return !line.isEmpty() && line.charAt(0) == '\uFEFF' ? line.substring(1) : line;
    }

    /** Opens plain or gzip input; the gzip magic number decides, so a misnamed file still loads. */
    static InputStream open(Path file) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        in.mark(2);
        int first = in.read();
        int second = in.read();
        in.reset();
        return first == 0x1f && second == 0x8b ? new GZIPInputStream(in, 1 << 16) : in;
    }
}
