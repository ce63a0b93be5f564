package dev.peregrine.monitor.domain.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.peregrine.common.event.Severity;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PeriodReportTest {

    private static final ReportPeriod DAY = ReportPeriod.day("2026-12-06");
    private static final Instant AFTER = Instant.parse("2026-12-07T00:05:00Z");

    @Test
    void aDayWithOutcomesTradesDecisionsAndAlertsAgainstHandComputedFigures() {
        PeriodReport report = PeriodReport.of(DAY, Duration.ofHours(4), AFTER, ReportFacts.sixthOfDecember(), 10);

        assertThat(report.complete()).isTrue();
        assertThat(report.empty()).isFalse();
        StrategyReport all = report.overall();
        assertThat(all.strategy()).isEqualTo("ALL");
        assertThat(all.signals()).isEqualTo(23);
        assertThat(all.tradeableSignals()).isEqualTo(19);
        // 9 hits in 20: Wilson 95 % [0.2582, 0.6579]; expectancy (9 - 11) x 0.01 / 20 = -0.001
        assertThat(all.outcomes().hits()).isEqualTo(9);
        assertThat(all.outcomes().hitRate()).isEqualTo(0.45);
        assertThat(all.outcomes().hitRateLower()).isCloseTo(0.2582, within(1e-4));
        assertThat(all.outcomes().hitRateUpper()).isCloseTo(0.6579, within(1e-4));
        assertThat(all.outcomes().expectancy()).isCloseTo(-0.001, within(1e-12));
        assertThat(all.trades().trades()).isEqualTo(2);
        assertThat(all.trades().wins()).isEqualTo(1);
        assertThat(all.trades().realisedPnl()).containsEntry("USDT", new BigDecimal("8.50"));
        assertThat(all.trades().profitFactor()).isCloseTo(12.5 / 4, within(1e-12));

        StrategyReport momentum = report.strategies().get(1);
        assertThat(momentum.strategy()).isEqualTo("momentum");
        // momentum: 7/10, profit factor 0.07 / 0.03; breakout: 2/10, expectancy -0.006
        assertThat(momentum.outcomes().profitFactor()).isCloseTo(7.0 / 3, within(1e-12));
        assertThat(report.strategies().getFirst().outcomes().expectancy()).isCloseTo(-0.006, within(1e-12));
        assertThat(report.best()).isEqualTo("momentum");
        assertThat(report.worst()).isEqualTo("breakout");
        assertThat(report.decisions())
                .singleElement()
                .extracting(PauseDecision::strategy)
                .isEqualTo("breakout");
        assertThat(report.alertCounts()).containsEntry(Severity.CRITICAL, 1L).containsEntry(Severity.WARNING, 1L);
        assertThat(report.notes()).isEmpty();
    }

    @Test
    void anEmptyPeriodSaysSoAndInventsNoFigure() {
        PeriodReport report = PeriodReport.of(DAY, Duration.ofHours(4), AFTER, ReportFacts.nothing(), 10);

        assertThat(report.empty()).isTrue();
        assertThat(report.overall().outcomes()).isNull();
        assertThat(report.overall().trades()).isNull();
        assertThat(report.strategies()).isEmpty();
        assertThat(report.best()).isNull();
        assertThat(report.notes()).singleElement().asString().contains("nothing was stored for 2026-12-06");
    }

    @Test
    void noBestOrWorstWithoutTwoStrategiesAboveTheMinimumAndARunningPeriodSaysSo() {
        PeriodReport report = PeriodReport.of(
                DAY, Duration.ofHours(4), Instant.parse("2026-12-06T18:00:00Z"), ReportFacts.sixthOfDecember(), 11);

        assertThat(report.best()).isNull();
        assertThat(report.worst()).isNull();
        assertThat(report.complete()).isFalse();
        assertThat(report.notes())
                .anySatisfy(n -> assertThat(n).contains("still running"))
                .anySatisfy(n -> assertThat(n).contains("at least 11 outcomes", "0 had them"));
    }

    @Test
    void theSummaryIsAFewPlainLines() {
        String text =
                ReportText.summary(PeriodReport.of(DAY, Duration.ofHours(4), AFTER, ReportFacts.sixthOfDecember(), 10));

        assertThat(text).isEqualTo("""
                Daily report 2026-12-06 (UTC), outcomes at 4h
                Signals: 23 (19 tradeable)
                Outcomes: 20, hit rate 45.0 % [25.8, 65.8], expectancy -0.100 % per outcome
                Trades: 2 closed, 1 won, P&L +8.5 USDT
                Best: momentum (+0.400 %, n=10); worst: breakout (-0.600 %, n=10)
                Auto-pause: PAUSE breakout 12-06 14:05
                Alerts: 1 CRITICAL, 1 WARNING""");
        assertThat(ReportText.summary(PeriodReport.of(DAY, Duration.ofHours(4), AFTER, ReportFacts.nothing(), 10)))
                .isEqualTo("Daily report 2026-12-06 (UTC), outcomes at 4h\nnothing was stored for 2026-12-06 (UTC): "
                        + "no signals, outcomes, trades, auto-pause decisions or alerts");
    }
}
