package dev.peregrine.backtest.research.objective;

import static org.assertj.core.api.Assertions.assertThat;

import dev.peregrine.backtest.engine.BacktestConfig;
import dev.peregrine.backtest.engine.KlineSeries;
import dev.peregrine.backtest.research.export.CandidateSpace;
import dev.peregrine.backtest.research.search.Evaluation;
import dev.peregrine.backtest.research.search.ParameterAssignment;
import dev.peregrine.backtest.research.stats.TradeOutcome;
import dev.peregrine.backtest.research.walkforward.TimeWindow;
import dev.peregrine.testkit.SharedData;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** On real BTCUSDT 15m candles from ../shared/data (skipped when absent). */
class EngineObjectiveTest {

    private static final Instant FROM = Instant.parse("2024-01-01T00:00:00Z");
    private static final Duration WARM_UP = Duration.ofMinutes(15).multipliedBy(300);

    @Test
    void runsTheEngineOnTheWindowOnlyDeterministicallyWithTheAssignmentApplied() {
        KlineSeries btc = KlineSeries.read(
                SharedData.require("binance/klines/BTCUSDT-15m.csv.gz"),
                FROM.minus(WARM_UP),
                FROM.plus(Duration.ofDays(75)),
                Integer.MAX_VALUE);
        EngineObjective objective = new EngineObjective(
                BacktestConfig.serviceDefaults(), List.of(btc), WARM_UP, EngineObjective.Score.RETURN, 0);
        TimeWindow window = new TimeWindow(FROM.plus(Duration.ofDays(15)), FROM.plus(Duration.ofDays(60)));
        ParameterAssignment defaults = new ParameterAssignment(Map.of(CandidateSpace.MIN_AGREEING, 2));
        ParameterAssignment strictest = new ParameterAssignment(
                Map.of(CandidateSpace.MIN_AGREEING, 5, CandidateSpace.CONVICTION_THRESHOLD, new BigDecimal("1.00")));

        Evaluation first = objective.evaluate(defaults, window);
        Evaluation again = objective.evaluate(defaults, window);
        Evaluation strict = objective.evaluate(strictest, window);

        assertThat(again).isEqualTo(first);
        // 45 days of 96 candles after 300 warm-up candles, none after the window's end
        assertThat(first.metrics().get("candles")).isEqualTo(45 * 96 + 300.0);
        assertThat(first.trades())
                .isNotEmpty()
                .allSatisfy(t -> assertThat(t.closedAt()).isBetween(window.from(), window.to()));
        assertThat(first.score())
                .isEqualTo(first.trades().stream()
                        .mapToDouble(TradeOutcome::netReturn)
                        .sum());
        assertThat(strict.trades().size()).isLessThan(first.trades().size());
    }
}
