package dev.peregrine.risk.domain.correlation;

import dev.peregrine.common.value.Symbol;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Pairwise correlations of daily log returns over a fixed window of UTC days, the evidence correlation groups are
 * built from.
 *
 * <p>The window ends on {@code lastDay} and spans {@code lookbackDays} returns: the return of day {@code d} is
 * {@code ln(close(d) / close(d - 1))}, defined only when both closes are known and within the window. Two symbols are
 * compared on the days both have a return; a pair with fewer than {@code minCommonReturns} such days, or with a
 * constant series, is unknown and simply absent. Immutable.
 */
public final class CorrelationMatrix {

    private final LocalDate lastDay;
    private final SortedSet<Symbol> symbols;
    private final SortedMap<String, PairCorrelation> pairs;

    private CorrelationMatrix(LocalDate lastDay, SortedSet<Symbol> symbols, SortedMap<String, PairCorrelation> pairs) {
        this.lastDay = lastDay;
        this.symbols = Collections.unmodifiableSortedSet(symbols);
        this.pairs = Collections.unmodifiableSortedMap(pairs);
    }

    /**
     * @param dailyCloses      closes by symbol and UTC day, such as {@link DailyCloses#snapshot()}; days outside the
     *                         window are ignored
     * @param lastDay          the last (complete) day of the window
     * @param lookbackDays     returns in the window, at least 2
     * @param minCommonReturns fewest shared returns for a pair to be known, at least 2
     */
    public static CorrelationMatrix compute(
            Map<Symbol, ? extends SortedMap<LocalDate, Double>> dailyCloses,
            LocalDate lastDay,
            int lookbackDays,
            int minCommonReturns) {
        Objects.requireNonNull(dailyCloses, "dailyCloses");
        Objects.requireNonNull(lastDay, "lastDay");
        if (lookbackDays < 2) {
            throw new IllegalArgumentException("lookbackDays must be at least 2: " + lookbackDays);
        }
        if (minCommonReturns < 2) {
            throw new IllegalArgumentException("minCommonReturns must be at least 2: " + minCommonReturns);
        }
        List<Symbol> sorted = new ArrayList<>(new TreeSet<>(dailyCloses.keySet()));
        double[][] returns = new double[sorted.size()][];
        for (int i = 0; i < sorted.size(); i++) {
            returns[i] = returnsOf(dailyCloses.get(sorted.get(i)), lastDay, lookbackDays);
        }
        SortedMap<String, PairCorrelation> pairs = new TreeMap<>();
        double[] x = new double[lookbackDays];
        double[] y = new double[lookbackDays];
        for (int i = 0; i < sorted.size(); i++) {
            for (int j = i + 1; j < sorted.size(); j++) {
                int n = 0;
                for (int day = 0; day < lookbackDays; day++) {
                    if (!Double.isNaN(returns[i][day]) && !Double.isNaN(returns[j][day])) {
                        x[n] = returns[i][day];
                        y[n] = returns[j][day];
                        n++;
                    }
                }
                if (n < minCommonReturns) {
                    continue;
                }
                OptionalDouble r = Pearson.correlation(x, y, n);
                if (r.isPresent()) {
                    PairCorrelation pair = new PairCorrelation(sorted.get(i), sorted.get(j), r.getAsDouble(), n);
                    pairs.put(key(pair.first(), pair.second()), pair);
                }
            }
        }
        return new CorrelationMatrix(lastDay, new TreeSet<>(sorted), pairs);
    }

    /** A matrix without data, for the time before any candle arrived. */
    public static CorrelationMatrix empty(LocalDate lastDay) {
        Objects.requireNonNull(lastDay, "lastDay");
        return new CorrelationMatrix(lastDay, new TreeSet<>(), new TreeMap<>());
    }

    /** The last day of the window. */
    public LocalDate lastDay() {
        return lastDay;
    }

    /** Every symbol that had closes, known pairs or not. */
    public SortedSet<Symbol> symbols() {
        return symbols;
    }

    /** The correlation of two different symbols in either order; empty when unknown. */
    public Optional<PairCorrelation> pair(Symbol a, Symbol b) {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
        if (a.equals(b)) {
            throw new IllegalArgumentException("a pair needs two different symbols: " + a);
        }
        return a.compareTo(b) < 0
                ? Optional.ofNullable(pairs.get(key(a, b)))
                : Optional.ofNullable(pairs.get(key(b, a)));
    }

    /** The correlation coefficient of two different symbols; empty when unknown. */
    public OptionalDouble correlation(Symbol a, Symbol b) {
        return pair(a, b).map(p -> OptionalDouble.of(p.correlation())).orElseGet(OptionalDouble::empty);
    }

    /** All known pairs, sorted by first then second symbol. */
    public List<PairCorrelation> knownPairs() {
        return List.copyOf(pairs.values());
    }

    /** Log returns indexed by day of the window (0 = lastDay - lookbackDays + 1), NaN where unknown. */
    private static double[] returnsOf(SortedMap<LocalDate, Double> closes, LocalDate lastDay, int lookbackDays) {
        double[] returns = new double[lookbackDays];
        Arrays.fill(returns, Double.NaN);
        if (closes == null) {
            return returns;
        }
        LocalDate firstClose = lastDay.minusDays(lookbackDays);
        for (int index = 0; index < lookbackDays; index++) {
            LocalDate day = firstClose.plusDays(index + 1L);
            Double previous = closes.get(day.minusDays(1));
            Double current = closes.get(day);
            if (usable(previous) && usable(current)) {
                returns[index] = Math.log(current / previous);
            }
        }
        return returns;
    }

    private static boolean usable(Double close) {
        return close != null && Double.isFinite(close) && close > 0;
    }

    /** Symbols are upper case letters and digits, so a space separates them unambiguously and keeps the order. */
    private static String key(Symbol first, Symbol second) {
        return first.value() + " " + second.value();
    }
}
