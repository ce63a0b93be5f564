package dev.peregrine.backtest.report;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Returns per calendar period (UTC day or month) from an equity curve: each period's last equity over the previous
 * period's last equity, minus one; the first period is measured from the starting cash. A period without any
 * equity point (no candle) has no entry.
 */
public final class PeriodReturns {

    private PeriodReturns() {}

    public static Map<YearMonth, Double> monthly(double startingEquity, List<EquityPoint> curve) {
        return byPeriod(startingEquity, curve, time -> YearMonth.from(time.atZone(ZoneOffset.UTC)));
    }

    public static Map<LocalDate, Double> daily(double startingEquity, List<EquityPoint> curve) {
        return byPeriod(
                startingEquity, curve, time -> time.atZone(ZoneOffset.UTC).toLocalDate());
    }

    private static <K> Map<K, Double> byPeriod(
            double startingEquity, List<EquityPoint> curve, Function<Instant, K> periodOf) {
        Map<K, Double> lastEquity = new LinkedHashMap<>();
        for (EquityPoint point : curve) {
            lastEquity.put(periodOf.apply(point.time()), point.equity().doubleValue());
        }
        Map<K, Double> returns = new LinkedHashMap<>();
        double previous = startingEquity;
        for (Map.Entry<K, Double> period : lastEquity.entrySet()) {
            returns.put(period.getKey(), previous > 0 ? period.getValue() / previous - 1.0 : 0.0);
            previous = period.getValue();
        }
        return returns;
    }
}
