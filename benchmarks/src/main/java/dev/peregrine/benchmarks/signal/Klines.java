package dev.peregrine.benchmarks.signal;

import dev.peregrine.signal.domain.bar.Bar;
import dev.peregrine.testkit.SharedData;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.zip.GZIPInputStream;

/**
 * Bars for the signal benchmarks: real Binance klines from the shared data folder beside the project, or a
 * deterministic synthetic series when that folder is absent (a fresh clone has none).
 */
public final class Klines {

    public static final String HEADER =
            "open_time,open,high,low,close,volume,close_time,quote_volume,trades,taker_buy_base_volume,taker_buy_quote_volume";

    private Klines() {}

    /**
     * {@code binance/klines/<symbol>-<interval>.csv.gz} in the shared data folder ({@link SharedData}: the
     * {@value SharedData#PROPERTY} property, the {@value SharedData#ENVIRONMENT} variable, else
     * {@code ../shared/data} seen from the project root or a module folder).
     */
    public static Optional<Path> locate(String symbol, String interval) {
        return SharedData.file("binance/klines/" + symbol + "-" + interval + ".csv.gz");
    }

    /** Every kline of the file, in file order; no quality flags (the raw exchange data carries none). */
    public static List<Bar> read(Path file) {
        List<Bar> bars = new ArrayList<>(100_000);
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(file), 1 << 16), StandardCharsets.US_ASCII))) {
            String header = reader.readLine();
            if (header == null || !header.startsWith(HEADER)) {
                throw new IllegalArgumentException(file + " is not a Binance kline CSV: header " + header);
            }
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.isEmpty()) {
                    bars.add(parse(line));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return bars;
    }

    static Bar parse(String line) {
        String[] f = line.split(",", -1);
        if (f.length < 10) {
            throw new IllegalArgumentException("kline line with " + f.length + " fields, at least 10 needed: " + line);
        }
        return new Bar(
                Instant.ofEpochMilli(Long.parseLong(f[0])),
                Instant.ofEpochMilli(Long.parseLong(f[6])),
                new BigDecimal(f[1]),
                new BigDecimal(f[2]),
                new BigDecimal(f[3]),
                new BigDecimal(f[4]),
                new BigDecimal(f[5]),
                new BigDecimal(f[7]),
                new BigDecimal(f[9]),
                List.of());
    }

    /**
     * A deterministic stand-in for real klines: a log-normal random walk whose per-bar volatility switches between
     * calm and stormy spells and whose drift switches between trend and range spells, so every regime and analyst
     * gets exercised; volume is log-normal and rises with the bar's move, the taker-buy share leans with the bar's
     * direction. Same seed, same bars.
     */
    public static List<Bar> generated(int count, Duration interval, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Bar> bars = new ArrayList<>(count);
        Instant openTime = Instant.parse("2024-01-01T00:00:00Z");
        double close = 40_000;
        double volatility = 0.002;
        double drift = 0;
        for (int i = 0; i < count; i++) {
            if (i % 400 == 0) {
                volatility = random.nextDouble() < 0.5 ? 0.0015 : 0.004;
                drift = random.nextDouble() < 0.5 ? 0 : (random.nextBoolean() ? 1 : -1) * 0.0006;
            }
            double open = close;
            double move = drift + volatility * random.nextGaussian();
            close = open * Math.exp(move);
            double high = Math.max(open, close) * (1 + volatility * Math.abs(random.nextGaussian()) * 0.5);
            double low = Math.min(open, close) * (1 - volatility * Math.abs(random.nextGaussian()) * 0.5);
            double volume = 100 * Math.exp(0.5 * random.nextGaussian()) * (1 + Math.abs(move) / volatility);
            double takerShare =
                    Math.max(0.05, Math.min(0.95, 0.5 + 0.15 * Math.signum(move) + 0.1 * random.nextGaussian()));
            Instant closeTime = openTime.plus(interval).minusMillis(1);
            bars.add(new Bar(
                    openTime,
                    closeTime,
                    price(open),
                    price(high),
                    price(low),
                    price(close),
                    amount(volume),
                    amount(volume * close),
                    amount(volume * takerShare),
                    List.of()));
            openTime = openTime.plus(interval);
        }
        return bars;
    }

    private static BigDecimal price(double value) {
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP);
    }

    private static BigDecimal amount(double value) {
        return BigDecimal.valueOf(value).setScale(8, RoundingMode.HALF_UP);
    }
}
