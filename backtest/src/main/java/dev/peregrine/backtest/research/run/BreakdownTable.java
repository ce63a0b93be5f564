package dev.peregrine.backtest.research.run;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Hit rate and expectancy grouped by a label (a strategy, a grade): the per-strategy and per-grade tables of
 * docs/research.md. A row adds outcomes one at a time; an outcome is a net return (after fees and slippage) and it
 * hits when that return is above 0. Rows print in label order as a Markdown table.
 */
final class BreakdownTable {

    /** Sums of one label's outcomes. */
    static final class Row {
        private int count;
        private int hits;
        private double sum;
        private double sumSquares;

        void add(double netReturn) {
            count++;
            if (netReturn > 0) {
                hits++;
            }
            sum += netReturn;
            sumSquares += netReturn * netReturn;
        }

        int count() {
            return count;
        }

        double hitRate() {
            return count == 0 ? Double.NaN : (double) hits / count;
        }

        double mean() {
            return count == 0 ? Double.NaN : sum / count;
        }

        /** Standard error of the mean: how far from 0 a mean must be before it says anything. */
        double standardError() {
            if (count < 2) {
                return Double.NaN;
            }
            double variance = (sumSquares - sum * sum / count) / (count - 1);
            return Math.sqrt(Math.max(0.0, variance) / count);
        }

        double total() {
            return sum;
        }
    }

    private final Map<String, Row> rows = new TreeMap<>();
    private final Row all = new Row();

    void add(String label, double netReturn) {
        rows.computeIfAbsent(label, l -> new Row()).add(netReturn);
        all.add(netReturn);
    }

    Row all() {
        return all;
    }

    Map<String, Row> rows() {
        return rows;
    }

    /**
     * A Markdown table; {@code scale} multiplies the mean, its error and the total for printing (e.g. 100 for %
     * of equity, 10,000 for basis points).
     */
    String markdown(String labelHeader, String unit, double scale) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(
                Locale.ROOT,
                "| %s | n | hit rate | expectancy (%s) | ± s.e. | total (%s) |%n",
                labelHeader,
                unit,
                unit));
        out.append("|---|---:|---:|---:|---:|---:|\n");
        rows.forEach((label, row) -> out.append(line(label, row, scale)));
        out.append(line("**all**", all, scale));
        return out.toString();
    }

    private static String line(String label, Row row, double scale) {
        return String.format(
                Locale.ROOT,
                "| %s | %d | %.1f %% | %.3f | %.3f | %.2f |%n",
                label,
                row.count(),
                100.0 * row.hitRate(),
                scale * row.mean(),
                scale * row.standardError(),
                scale * row.total());
    }
}
