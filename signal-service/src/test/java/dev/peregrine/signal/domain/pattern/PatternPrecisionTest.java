package dev.peregrine.signal.domain.pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/**
 * Runs the default detector over the real Binance 1h klines beside the project ({@code ../shared/data}) and
 * measures, per pattern type and direction, how often price went the predicted way by a given distance before
 * going the other way by the same distance, within {@value #HORIZON} bars of the confirming close. Two
 * distances: the pattern's own height (its measured move) and a fixed {@value #FIXED_PERCENT} %. A bar that
 * touches both levels counts against the pattern (the order inside a bar is unknown). With symmetric barriers
 * a coin flip scores about 50 % of the resolved cases.
 *
 * <p>A measurement, not a gate: it asserts only that every file was read and detections were counted. The
 * table is printed and written to {@code pattern-precision.md} in the build directory. Skipped when the data
 * folder is absent (a fresh clone has none).
 */
class PatternPrecisionTest {

    private static final List<String> SYMBOLS = List.of("BTCUSDT", "ETHUSDT", "SOLUSDT", "BNBUSDT", "XRPUSDT");
    private static final int HORIZON = 48;
    private static final double FIXED_PERCENT = 2.0;

    private enum Outcome {
        TARGET_FIRST,
        AGAINST_FIRST,
        NEITHER
    }

    private record Row(PatternType type, Direction direction) implements Comparable<Row> {
        @Override
        public int compareTo(Row other) {
            int byType = type.compareTo(other.type);
            return byType != 0 ? byType : direction.compareTo(other.direction);
        }
    }

    private static final class Tally {
        int detections;
        final EnumMap<Outcome, Integer> byHeight = new EnumMap<>(Outcome.class);
        final EnumMap<Outcome, Integer> byPercent = new EnumMap<>(Outcome.class);
        final List<Double> heightPercents = new ArrayList<>();

        void add(Outcome height, Outcome percent, double heightPercent) {
            detections++;
            byHeight.merge(height, 1, Integer::sum);
            byPercent.merge(percent, 1, Integer::sum);
            heightPercents.add(heightPercent);
        }

        void addAll(Tally other) {
            detections += other.detections;
            other.byHeight.forEach((k, v) -> byHeight.merge(k, v, Integer::sum));
            other.byPercent.forEach((k, v) -> byPercent.merge(k, v, Integer::sum));
            heightPercents.addAll(other.heightPercents);
        }
    }

    @Test
    void measuresHowOftenConfirmedPatternsMoveTheirWayOnRealHourlyKlines() throws IOException, URISyntaxException {
        Path data = locateData();
        assumeTrue(data != null, "../shared/data is absent (fresh clone): real-data precision run skipped");

        Map<Row, Tally> tallies = new TreeMap<>();
        Map<String, int[]> perSymbol = new LinkedHashMap<>();
        for (String symbol : SYMBOLS) {
            Path file = data.resolve("binance/klines/" + symbol + "-1h.csv.gz");
            assertThat(file).as("the data folder's README promises %s", file).exists();
            List<PatternBar> bars = readKlines(file);
            PatternDetector detector = PatternDetector.withDefaults();
            int detections = 0;
            for (int i = 0; i < bars.size(); i++) {
                for (PatternMatch match : detector.onBar(bars.get(i))) {
                    detections++;
                    double entry = bars.get(i).close();
                    double height = match.keyLevels().height();
                    tallies.computeIfAbsent(new Row(match.type(), match.direction()), r -> new Tally())
                            .add(
                                    outcome(bars, i, match.direction(), height),
                                    outcome(bars, i, match.direction(), entry * FIXED_PERCENT / 100.0),
                                    100.0 * height / entry);
                }
            }
            perSymbol.put(symbol, new int[] {bars.size(), detections});
        }

        String report = report(tallies, perSymbol);
        System.out.println(report);
        Path buildDir = Path.of(PatternPrecisionTest.class
                        .getProtectionDomain()
                        .getCodeSource()
                        .getLocation()
                        .toURI())
                .getParent();
        Files.writeString(buildDir.resolve("pattern-precision.md"), report, StandardCharsets.UTF_8);

        assertThat(perSymbol.values())
                .allSatisfy(counts -> assertThat(counts[0]).isPositive());
        assertThat(tallies.values().stream().mapToInt(t -> t.detections).sum())
                .isEqualTo(perSymbol.values().stream()
                        .mapToInt(counts -> counts[1])
                        .sum())
                .isPositive();
    }

    /** Did price reach {@code distance} in the pattern's direction before {@code distance} against it? */
    private static Outcome outcome(List<PatternBar> bars, int confirmingBar, Direction direction, double distance) {
        double entry = bars.get(confirmingBar).close();
        int last = Math.min(bars.size() - 1, confirmingBar + HORIZON);
        for (int j = confirmingBar + 1; j <= last; j++) {
            PatternBar bar = bars.get(j);
            double favourable = direction == Direction.BULLISH ? bar.high() - entry : entry - bar.low();
            double adverse = direction == Direction.BULLISH ? entry - bar.low() : bar.high() - entry;
            if (adverse >= distance) {
                return Outcome.AGAINST_FIRST;
            }
            if (favourable >= distance) {
                return Outcome.TARGET_FIRST;
            }
        }
        return Outcome.NEITHER;
    }

    private static String report(Map<Row, Tally> tallies, Map<String, int[]> perSymbol) {
        StringBuilder out = new StringBuilder();
        out.append("# Chart-pattern precision on Binance 1h klines\n\n");
        out.append("Detector defaults: ")
                .append(SwingConfig.defaults())
                .append(", ")
                .append(PatternConfig.defaults())
                .append(".\n");
        out.append(
                        "Entry at the confirming bar's close; \"hit\" = price moved the predicted way by the distance before moving ")
                .append("against by the same distance within ")
                .append(HORIZON)
                .append(" bars (a bar touching both counts against); ")
                .append("precision = hits / detections; hit/(hit+against) leaves out the unresolved.\n\n");
        out.append(
                        "| Pattern | Direction | Detections | Median height | 1x height: hit / against / neither | precision | hit/(hit+against) | ")
                .append(fmt(FIXED_PERCENT))
                .append(" %: hit / against / neither | precision | hit/(hit+against) |\n");
        out.append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        Tally total = new Tally();
        for (Map.Entry<Row, Tally> entry : tallies.entrySet()) {
            out.append(row(
                    entry.getKey().type().label(),
                    entry.getKey().direction().name().toLowerCase(Locale.ROOT),
                    entry.getValue()));
            total.addAll(entry.getValue());
        }
        out.append(row("**all**", "", total));
        out.append("\n");
        perSymbol.forEach((symbol, counts) -> out.append(symbol)
                .append(": ")
                .append(counts[0])
                .append(" bars, ")
                .append(counts[1])
                .append(" detections. "));
        out.append("\n");
        return out.toString();
    }

    private static String row(String type, String direction, Tally tally) {
        return "| %s | %s | %d | %s %% | %s | %s | %s | %s | %s | %s |\n"
                .formatted(
                        type,
                        direction,
                        tally.detections,
                        fmt(median(tally.heightPercents)),
                        counts(tally.byHeight),
                        percent(tally.byHeight.getOrDefault(Outcome.TARGET_FIRST, 0), tally.detections),
                        resolved(tally.byHeight),
                        counts(tally.byPercent),
                        percent(tally.byPercent.getOrDefault(Outcome.TARGET_FIRST, 0), tally.detections),
                        resolved(tally.byPercent));
    }

    private static String counts(EnumMap<Outcome, Integer> outcomes) {
        return outcomes.getOrDefault(Outcome.TARGET_FIRST, 0) + " / " + outcomes.getOrDefault(Outcome.AGAINST_FIRST, 0)
                + " / " + outcomes.getOrDefault(Outcome.NEITHER, 0);
    }

    private static String resolved(EnumMap<Outcome, Integer> outcomes) {
        int hits = outcomes.getOrDefault(Outcome.TARGET_FIRST, 0);
        return percent(hits, hits + outcomes.getOrDefault(Outcome.AGAINST_FIRST, 0));
    }

    private static String percent(int part, int whole) {
        return whole == 0 ? "n/a" : fmt(100.0 * part / whole) + " %";
    }

    private static String fmt(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    private static double median(List<Double> values) {
        double[] sorted =
                values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted.length % 2 == 1
                ? sorted[sorted.length / 2]
                : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    }

    /** {@code ../shared/data} seen from the module ({@code ../../shared/data}) or from the project root. */
    private static Path locateData() {
        for (String candidate : new String[] {"../../shared/data", "../shared/data"}) {
            Path path = Path.of(candidate).toAbsolutePath().normalize();
            if (Files.isDirectory(path.resolve("binance/klines"))) {
                return path;
            }
        }
        return null;
    }

    /** Binance kline CSV with a header: open_time (epoch ms), open, high, low, close, volume, ... */
    private static List<PatternBar> readKlines(Path file) throws IOException {
        List<PatternBar> bars = new ArrayList<>(70_000);
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(file), 1 << 16), StandardCharsets.US_ASCII))) {
            String header = reader.readLine();
            assertThat(header).startsWith("open_time,open,high,low,close,volume");
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isEmpty()) {
                    continue;
                }
                String[] fields = Arrays.copyOf(line.split(",", 7), 6);
                bars.add(new PatternBar(
                        Instant.ofEpochMilli(Long.parseLong(fields[0])),
                        Double.parseDouble(fields[2]),
                        Double.parseDouble(fields[3]),
                        Double.parseDouble(fields[4]),
                        Double.parseDouble(fields[5])));
            }
        }
        return bars;
    }
}
