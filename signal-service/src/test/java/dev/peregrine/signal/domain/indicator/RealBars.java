package dev.peregrine.signal.domain.indicator;

import dev.peregrine.signal.domain.bar.Bar;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.num.DecimalNumFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Real market data for the indicator tests, as {@link Bar}s and as the equivalent ta4j series. */
final class RealBars {

    /** ETH/USD 5-minute bars from Binance US, 2023-03-13 18:00 to 2023-03-15 18:15 UTC, shipped in ta4j-examples 0.18. */
    static final String ETH_RESOURCE = "/ETH-USD-PT5M-2023-3-13_2023-3-15.json";

    static final String BTC_FILE = "binance/klines/BTCUSDT-15m.csv.gz";
    private static final Duration FIVE_MINUTES = Duration.ofMinutes(5);

    private static List<Bar> eth;

    private RealBars() {}

    /**
     * The 580 ETH bars. The file has only end times, OHLC and base volume: the open time is derived from
     * the 5-minute interval, and quote and taker-buy volumes are not in it (0 here; no indicator uses them).
     */
    static synchronized List<Bar> eth() {
        if (eth == null) {
            eth = List.copyOf(loadEth());
        }
        return eth;
    }

    private static List<Bar> loadEth() {
        JsonMapper mapper = JsonMapper.builder()
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .build();
        try (InputStream in = RealBars.class.getResourceAsStream(ETH_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(
                        ETH_RESOURCE + " is not on the test class path (org.ta4j:ta4j-examples)");
            }
            JsonNode root = mapper.readTree(in);
            List<Bar> bars = new ArrayList<>();
            for (JsonNode ohlc : root.get("ohlc")) {
                Instant closeTime = Instant.ofEpochMilli(ohlc.get("endTime").longValue());
                Instant openTime = closeTime.plusMillis(1).minus(FIVE_MINUTES);
                bars.add(new Bar(
                        openTime,
                        closeTime,
                        ohlc.get("openPrice").decimalValue(),
                        ohlc.get("highPrice").decimalValue(),
                        ohlc.get("lowPrice").decimalValue(),
                        ohlc.get("closePrice").decimalValue(),
                        ohlc.get("volume").decimalValue(),
                        BigDecimal.ZERO,
                        BigDecimal.ZERO,
                        List.of()));
            }
            return bars;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The first {@code limit} bars of Binance's BTCUSDT 15-minute klines from {@code ../shared/data} beside the
     * project, or empty where that directory is absent (such as on a fresh clone).
     */
    static Optional<List<Bar>> btc(int limit) {
        Optional<Path> file = sharedData()
                .map(dir -> dir.resolve(BTC_FILE))
                .filter(Files::isReadable)
                .findFirst();
        return file.map(path -> readKlines(path, limit));
    }

    private static List<Bar> readKlines(Path file, int limit) {
        List<Bar> bars = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.US_ASCII))) {
            String line;
            while ((line = reader.readLine()) != null && bars.size() < limit) {
                if (line.startsWith("open_time")) {
                    continue;
                }
                String[] f = line.split(",");
                bars.add(new Bar(
                        Instant.ofEpochMilli(Long.parseLong(f[0])),
                        Instant.ofEpochMilli(Long.parseLong(f[6])),
                        new BigDecimal(f[1]),
                        new BigDecimal(f[2]),
                        new BigDecimal(f[3]),
                        new BigDecimal(f[4]),
                        new BigDecimal(f[5]),
                        new BigDecimal(f[7]),
                        new BigDecimal(f[9]),
                        List.of()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bars;
    }

    /** The project root is the parent of this module's directory, the test's working directory. */
    private static Stream<Path> sharedData() {
        Path moduleDir = Path.of("").toAbsolutePath();
        return Stream.of(moduleDir.getParent(), moduleDir)
                .filter(p -> p != null && p.getParent() != null)
                .map(p -> p.getParent().resolve("shared").resolve("data"));
    }

    /**
     * The same bars as a ta4j series with 32-digit decimal arithmetic, so the oracle's own rounding is far
     * below the tolerance.
     */
    static BarSeries ta4jSeries(String name, List<Bar> bars) {
        BarSeries series = new BaseBarSeriesBuilder()
                .withName(name)
                .withNumFactory(DecimalNumFactory.getInstance())
                .build();
        for (Bar bar : bars) {
            Instant end = bar.closeTime().plusMillis(1);
            series.barBuilder()
                    .timePeriod(Duration.between(bar.openTime(), end))
                    .endTime(end)
                    .openPrice(bar.open())
                    .highPrice(bar.high())
                    .lowPrice(bar.low())
                    .closePrice(bar.close())
                    .volume(bar.volume())
                    .amount(bar.quoteVolume())
                    .add();
        }
        return series;
    }
}
