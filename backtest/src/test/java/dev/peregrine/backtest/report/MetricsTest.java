package dev.peregrine.backtest.report;

import static dev.peregrine.backtest.report.Fixtures.equity;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MetricsTest {

    @Test
    void drawdownIsMeasuredFromTheRunningPeakIncludingTheStartingCash() {
        double[] curve = {110, 99, 121, 90.75, 130};

        assertThat(Drawdown.series(100, curve)).containsExactly(new double[] {0, -0.1, 0, -0.25, 0}, within(1e-12));
        assertThat(Drawdown.max(100, curve)).isCloseTo(0.25, within(1e-12));
        // A fall straight from the start counts: the starting cash is the first peak.
        assertThat(Drawdown.max(100, new double[] {80, 90})).isCloseTo(0.20, within(1e-12));
        assertThat(Drawdown.max(100, new double[] {100, 101, 102})).isZero();
    }

    @Test
    void monthlyReturnsChainEachMonthsLastEquityFromTheStartingCash() {
        Map<YearMonth, Double> monthly = PeriodReturns.monthly(
                1000,
                List.of(
                        equity("2024-01-10T00:00:00Z", "1100"),
                        equity("2024-01-31T23:45:00Z", "1050"),
                        equity("2024-02-15T00:00:00Z", "1155"),
                        equity("2024-04-03T00:00:00Z", "1039.5")));

        assertThat(monthly).containsOnlyKeys(YearMonth.of(2024, 1), YearMonth.of(2024, 2), YearMonth.of(2024, 4));
        assertThat(monthly.get(YearMonth.of(2024, 1))).isCloseTo(0.05, within(1e-12));
        assertThat(monthly.get(YearMonth.of(2024, 2))).isCloseTo(0.10, within(1e-12));
        assertThat(monthly.get(YearMonth.of(2024, 4))).isCloseTo(-0.10, within(1e-12));
    }

    @Test
    void dailyReturnsUseUtcDays() {
        Map<LocalDate, Double> daily = PeriodReturns.daily(
                100, List.of(equity("2024-01-01T23:45:00Z", "101"), equity("2024-01-02T00:00:00Z", "99.99")));

        assertThat(daily.get(LocalDate.of(2024, 1, 1))).isCloseTo(0.01, within(1e-12));
        assertThat(daily.get(LocalDate.of(2024, 1, 2))).isCloseTo(-0.01, within(1e-12));
    }

    @Test
    void sharpeIsTheMeanOverTheSampleDeviationTimesTheRootOf365() {
        // mean 0.005, sample deviation sqrt(0.0005 / 3) = 0.0129099; 0.387298 * sqrt(365) = 7.399324
        assertThat(SharpeRatio.annualised(List.of(0.01, -0.01, 0.02, 0.0)).getAsDouble())
                .isCloseTo(7.399324, within(1e-6));
        assertThat(SharpeRatio.annualised(List.of(0.01))).isEmpty();
        assertThat(SharpeRatio.annualised(List.of(0.01, 0.01, 0.01))).isEmpty();
    }

    @Test
    void summaryCountsTradesFeesAndExpectancyAfterFees() {
        Summary summary = Summary.of(Fixtures.data("BTCUSDT", "momentum"));

        assertThat(summary.totalReturn()).isCloseTo(0.0395, within(1e-12));
        // peak 1155, trough after it 1039.5: 10 %
        assertThat(summary.maxDrawdown()).isCloseTo(0.10, within(1e-12));
        assertThat(summary.trades()).isEqualTo(2);
        assertThat(summary.winRate().getAsDouble()).isEqualTo(0.5);
        assertThat(summary.expectancy()).isEqualByComparingTo("4.8");
        // net returns 19.8 / 200 and -10.2 / 200
        assertThat(summary.meanNetReturn().getAsDouble()).isCloseTo(0.024, within(1e-12));
        assertThat(summary.feesPaid()).isEqualByComparingTo("0.4");
    }

    @Test
    void groupsCountSignalsTakenAndTheClosedTradesResults() {
        ReportData data = Fixtures.data("BTCUSDT", "momentum");

        List<GroupStats> grades = GroupStats.byGrade(data.signals(), data.trades());

        assertThat(grades).extracting(GroupStats::group).containsExactly("A", "B");
        GroupStats b = grades.get(1);
        assertThat(b.signals()).isEqualTo(2);
        assertThat(b.taken()).isEqualTo(1);
        assertThat(b.closed()).isEqualTo(1);
        assertThat(b.hitRate().getAsDouble()).isZero();
        assertThat(b.meanNetReturn().getAsDouble()).isCloseTo(-0.051, within(1e-12));
        GroupStats momentum =
                GroupStats.byStrategy(data.signals(), data.trades()).getFirst();
        assertThat(momentum.signals()).isEqualTo(3);
        assertThat(momentum.hitRate().getAsDouble()).isEqualTo(0.5);
    }

    @Test
    void downsamplingKeepsEachBucketsExtremesAndBothEnds() {
        long[] times = new long[1000];
        double[] values = new double[1000];
        for (int i = 0; i < 1000; i++) {
            times[i] = i;
            values[i] = i % 100;
        }
        values[500] = -50;

        List<double[]> thin = Downsampler.minMax(times, values, 100);

        assertThat(thin.size()).isLessThanOrEqualTo(102);
        assertThat(thin.getFirst()[0]).isZero();
        assertThat(thin.getLast()[0]).isEqualTo(999);
        assertThat(thin).anySatisfy(p -> assertThat(p[1]).isEqualTo(-50));
        assertThat(thin).anySatisfy(p -> assertThat(p[1]).isEqualTo(99));
        assertThat(Downsampler.minMax(new long[] {1, 2}, new double[] {3, 4}, 100))
                .hasSize(2);
    }
}
