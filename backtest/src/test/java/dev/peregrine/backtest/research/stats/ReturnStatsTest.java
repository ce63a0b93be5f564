package dev.peregrine.backtest.research.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReturnStatsTest {

    @Test
    void momentsOfASmallSampleByHand() {
        // mean 0.0625; deviations 0.0375, -0.1125, 0.1375, -0.0625; sum of squares 0.036875
        ReturnStats stats = ReturnStats.of(List.of(0.1, -0.05, 0.2, 0.0));

        assertThat(stats.count()).isEqualTo(4);
        assertThat(stats.mean()).isCloseTo(0.0625, within(1e-15));
        assertThat(stats.stdev()).isCloseTo(Math.sqrt(0.036875 / 3), within(1e-15));
        assertThat(stats.sharpe()).isCloseTo(0.0625 / Math.sqrt(0.036875 / 3), within(1e-12));
        assertThat(stats.skewness()).isCloseTo(0.27803055565396295, within(1e-12));
        assertThat(stats.kurtosis()).isCloseTo(1.5733984487216315, within(1e-12));
        assertThat(stats.hitRate()).isEqualTo(0.5);
        assertThat(stats.total()).isCloseTo(0.25, within(1e-15));
    }

    @Test
    void undefinedDispersionIsReportedAsNoDispersion() {
        assertThat(ReturnStats.of(List.of())).isEqualTo(new ReturnStats(0, 0, 0, 0, 0, 3, 0, 0));
        ReturnStats one = ReturnStats.of(List.of(0.02));
        assertThat(one.stdev()).isZero();
        assertThat(one.sharpe()).isZero();
        assertThat(one.hitRate()).isEqualTo(1.0);
    }
}
