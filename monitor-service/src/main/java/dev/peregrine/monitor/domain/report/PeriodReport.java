package dev.peregrine.monitor.domain.report;

import dev.peregrine.common.event.Severity;
import dev.peregrine.monitor.domain.quality.MeasuredOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A daily or weekly report, built from what was stored about the period and nothing else.
 *
 * @param complete      false while the period is still running (the figures will change)
 * @param empty         nothing at all was stored for the period; {@code note} says so and no figure is given
 * @param overall       every strategy together ({@link StrategyReport#ALL})
 * @param best          the strategy with the highest expectancy among those with at least {@code rankingMinimum}
 *                      outcomes, null unless two or more qualify ({@code note} says why)
 * @param worst         the one with the lowest, under the same condition
 * @param alertCounts   alerts raised in the period per severity
 */
public record PeriodReport(
        ReportPeriod period,
        Duration horizon,
        Instant generatedAt,
        boolean complete,
        boolean empty,
        List<String> notes,
        StrategyReport overall,
        List<StrategyReport> strategies,
        String best,
        String worst,
        int rankingMinimum,
        List<PauseDecision> decisions,
        Map<Severity, Long> alertCounts,
        List<RaisedAlert> alerts) {

    public PeriodReport {
        notes = List.copyOf(notes);
        strategies = List.copyOf(strategies);
        decisions = List.copyOf(decisions);
        alertCounts = Map.copyOf(alertCounts);
        alerts = List.copyOf(alerts);
    }

    public static PeriodReport of(
            ReportPeriod period, Duration horizon, Instant generatedAt, PeriodFacts facts, int rankingMinimum) {
        Objects.requireNonNull(period, "period");
        List<String> notes = new ArrayList<>();
        if (!period.isOver(generatedAt)) {
            notes.add("the period is still running: figures up to " + generatedAt);
        }
        if (facts.isEmpty()) {
            notes.add("nothing was stored for " + period.label() + " (UTC): no signals, outcomes, trades, "
                    + "auto-pause decisions or alerts");
        } else if (facts.outcomes().isEmpty()) {
            notes.add("no outcome at " + horizon + " was measured in the period: no hit rate or expectancy");
        }
        Map<String, SignalCount> signals = facts.signals().stream()
                .collect(Collectors.toMap(SignalCount::strategy, Function.identity(), (a, b) -> a, TreeMap::new));
        Map<String, List<MeasuredOutcome>> outcomes = facts.outcomes().stream()
                .collect(Collectors.groupingBy(MeasuredOutcome::strategy, TreeMap::new, Collectors.toList()));
        Map<String, List<ClosedTrade>> trades = facts.trades().stream()
                .collect(Collectors.groupingBy(ClosedTrade::strategy, TreeMap::new, Collectors.toList()));
        TreeSet<String> names = new TreeSet<>(signals.keySet());
        names.addAll(outcomes.keySet());
        names.addAll(trades.keySet());

        List<StrategyReport> lines = new ArrayList<>();
        for (String name : names) {
            SignalCount count = signals.getOrDefault(name, new SignalCount(name, 0, 0));
            lines.add(line(
                    name,
                    count.signals(),
                    count.tradeable(),
                    outcomes.getOrDefault(name, List.of()),
                    trades.getOrDefault(name, List.of())));
        }
        StrategyReport overall = line(
                StrategyReport.ALL,
                facts.signals().stream().mapToInt(SignalCount::signals).sum(),
                facts.signals().stream().mapToInt(SignalCount::tradeable).sum(),
                facts.outcomes(),
                facts.trades());

        List<StrategyReport> ranked = lines.stream()
                .filter(l -> l.outcomes() != null && l.outcomes().count() >= rankingMinimum)
                .sorted(Comparator.comparingDouble(
                                (StrategyReport l) -> l.outcomes().expectancy())
                        .reversed()
                        .thenComparing(StrategyReport::strategy))
                .toList();
        String best = null;
        String worst = null;
        if (ranked.size() >= 2) {
            best = ranked.getFirst().strategy();
            worst = ranked.getLast().strategy();
        } else if (!facts.isEmpty()) {
            notes.add("no best or worst strategy: that needs two strategies with at least " + rankingMinimum
                    + " outcomes in the period, " + ranked.size() + " had them");
        }
        Map<Severity, Long> alertCounts = new EnumMap<>(Severity.class);
        facts.alerts().forEach(a -> alertCounts.merge(a.severity(), 1L, Long::sum));
        return new PeriodReport(
                period,
                horizon,
                generatedAt,
                period.isOver(generatedAt),
                facts.isEmpty(),
                notes,
                overall,
                lines,
                best,
                worst,
                rankingMinimum,
                facts.decisions(),
                alertCounts,
                facts.alerts());
    }

    private static StrategyReport line(
            String name, int signals, int tradeable, List<MeasuredOutcome> outcomes, List<ClosedTrade> trades) {
        return new StrategyReport(
                name,
                signals,
                tradeable,
                OutcomeFigures.of(outcomes).orElse(null),
                TradeFigures.of(trades).orElse(null));
    }
}
