package dev.peregrine.signal.domain.analyst;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.peregrine.signal.domain.bar.Bar;
import dev.peregrine.signal.domain.indicator.BarUpdate;
import dev.peregrine.signal.domain.indicator.IndicatorBank;
import dev.peregrine.signal.domain.indicator.IndicatorValues;
import dev.peregrine.signal.domain.pattern.PatternBar;
import dev.peregrine.signal.domain.pattern.PatternDetector;
import dev.peregrine.signal.domain.pattern.PatternMatch;
import dev.peregrine.signal.domain.regime.Regime;
import dev.peregrine.signal.domain.regime.RegimeClassifier;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/**
 * The whole per-candle pipeline of the analysts (indicator bank, pattern detector, feature tracker, regime
 * classifier, panel) over every Binance BTCUSDT 1h kline beside the project ({@code ../shared/data}). Prints how
 * often each analyst was BULLISH, BEARISH and NEUTRAL, its mean confidence when directional, how often price was
 * on its side {@value #HORIZON} bars later (a rough look, not a backtest), the regime distribution and the
 * panel's time per candle. A measurement: it asserts only that the run completes and that every analyst took a
 * side at least once. Skipped when the data folder is absent (a fresh clone has none).
 */
class AnalystPanelRealDataTest {

    private static final String FILE = "binance/klines/BTCUSDT-1h.csv.gz";
    private static final int HORIZON = 12;

    private static final class Tally {
        final EnumMap<Stance, Integer> stances = new EnumMap<>(Stance.class);
        double confidenceSum;
        int resolved;
        int onItsSide;

        Tally() {
            for (Stance stance : Stance.values()) {
                stances.put(stance, 0);
            }
        }
    }

    @Test
    void runsThePanelOverEveryHourlyBtcCandle() throws IOException {
        Path file = locate();
        assumeTrue(file != null, "../shared/data is absent (fresh clone): real-data analyst run skipped");
        List<Bar> bars = readKlines(file);

        IndicatorBank bank = IndicatorBank.withDefaults();
        PatternDetector patterns = PatternDetector.withDefaults();
        SeriesFeatureTracker tracker = SeriesFeatureTracker.withDefaults();
        RegimeClassifier classifier = RegimeClassifier.withDefaults();
        AnalystPanel panel = AnalystPanel.withDefaults();

        Map<String, Tally> tallies = new LinkedHashMap<>();
        panel.ids().forEach(id -> tallies.put(id, new Tally()));
        Map<String, Integer> regimes = new TreeMap<>();
        double[] closes = new double[bars.size()];
        List<int[]> directional = new ArrayList<>();
        long panelNanos = 0;
        int timedCandles = 0;
        int applied = 0;

        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            closes[i] = bar.close().doubleValue();
            if (bank.update(bar) != BarUpdate.APPLIED) {
                continue;
            }
            applied++;
            IndicatorValues values = bank.snapshot();
            List<PatternMatch> confirmed = patterns.onBar(new PatternBar(
                    bar.openTime(),
                    bar.high().doubleValue(),
                    bar.low().doubleValue(),
                    closes[i],
                    bar.volume().doubleValue()));
            SeriesFeatures features = tracker.update(bar, values);
            Regime regime = classifier.update(values);
            regimes.merge(regime.label(), 1, Integer::sum);
            MarketContext context = new MarketContext(bar, values, regime, confirmed, features);

            long start = System.nanoTime();
            List<Opinion> opinions = panel.assess(context);
            long elapsed = System.nanoTime() - start;
            if (i >= bars.size() / 2) {
                // the second half: the JIT has long compiled the analysts by then
                panelNanos += elapsed;
                timedCandles++;
            }
            for (int a = 0; a < opinions.size(); a++) {
                Opinion opinion = opinions.get(a);
                Tally tally = tallies.get(opinion.analystId());
                tally.stances.merge(opinion.stance(), 1, Integer::sum);
                if (opinion.directional()) {
                    tally.confidenceSum += opinion.confidence();
                    directional.add(new int[] {a, i, opinion.stance() == Stance.BULLISH ? 1 : -1});
                }
            }
        }
        for (int[] call : directional) {
            int end = call[1] + HORIZON;
            if (end < closes.length && closes[end] != closes[call[1]]) {
                Tally tally = tallies.get(panel.ids().get(call[0]));
                tally.resolved++;
                if (Math.signum(closes[end] - closes[call[1]]) == call[2]) {
                    tally.onItsSide++;
                }
            }
        }

        StringBuilder report = new StringBuilder(String.format(
                Locale.ROOT, "Analyst panel over %s: %d candles (%d applied)%n", FILE, bars.size(), applied));
        report.append(String.format(
                Locale.ROOT,
                "%-15s %8s %8s %8s %9s %14s%n",
                "analyst",
                "BULLISH",
                "BEARISH",
                "NEUTRAL",
                "mean conf",
                "right @" + HORIZON + "h"));
        tallies.forEach((id, tally) -> {
            int directionalCount = tally.stances.get(Stance.BULLISH) + tally.stances.get(Stance.BEARISH);
            report.append(String.format(
                    Locale.ROOT,
                    "%-15s %8d %8d %8d %9.3f %13.1f%%%n",
                    id,
                    tally.stances.get(Stance.BULLISH),
                    tally.stances.get(Stance.BEARISH),
                    tally.stances.get(Stance.NEUTRAL),
                    directionalCount == 0 ? 0 : tally.confidenceSum / directionalCount,
                    tally.resolved == 0 ? 0 : 100.0 * tally.onItsSide / tally.resolved));
        });
        report.append("regimes:");
        for (Map.Entry<String, Integer> regime : regimes.entrySet()) {
            report.append(String.format(
                    Locale.ROOT,
                    " %s %d (%.1f%%)",
                    regime.getKey(),
                    regime.getValue(),
                    100.0 * regime.getValue() / applied));
        }
        report.append(String.format(
                Locale.ROOT,
                "%npanel: %.2f us per candle (all five analysts, second half of the file)%n",
                panelNanos / 1_000.0 / timedCandles));
        System.out.print(report);

        assertThat(applied).isGreaterThan(60_000);
        tallies.forEach((id, tally) -> assertThat(tally.stances.get(Stance.BULLISH) + tally.stances.get(Stance.BEARISH))
                .as("directional opinions of %s", id)
                .isPositive());
        assertThat(regimes.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(applied);
    }

    private static Path locate() {
        for (String candidate : new String[] {"../../shared/data", "../shared/data"}) {
            Path path = Path.of(candidate).toAbsolutePath().normalize().resolve(FILE);
            if (Files.isReadable(path)) {
                return path;
            }
        }
        return null;
    }

    /** Binance kline CSV: open_time,open,high,low,close,volume,close_time,quote_volume,trades,taker_buy_base_volume,... */
    private static List<Bar> readKlines(Path file) throws IOException {
        List<Bar> bars = new ArrayList<>(70_000);
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(file), 1 << 16), StandardCharsets.US_ASCII))) {
            String header = reader.readLine();
            assertThat(header)
                    .startsWith(
                            "open_time,open,high,low,close,volume,close_time,quote_volume,trades,taker_buy_base_volume");
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isEmpty()) {
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
        }
        return bars;
    }
}
