package dev.peregrine.backtest.research.overfitting;

import static org.assertj.core.api.Assertions.assertThat;

import dev.peregrine.backtest.research.stats.TradeOutcome;
import dev.peregrine.backtest.research.walkforward.TimeWindow;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PerformanceMatrixTest {

    @Test
    void sumsEachTrialsTradesPerBucketAndDropsTradesOutsideTheWindow() {
        Instant t0 = Instant.parse("2024-01-01T00:00:00Z");
        TimeWindow window = new TimeWindow(t0, t0.plusSeconds(400));
        List<TradeOutcome> a = List.of(
                new TradeOutcome(t0.plusSeconds(10), 0.01),
                new TradeOutcome(t0.plusSeconds(99), 0.02),
                new TradeOutcome(t0.plusSeconds(399), -0.01),
                new TradeOutcome(t0.plusSeconds(400), 5.0));
        List<TradeOutcome> b = List.of(new TradeOutcome(t0.plusSeconds(100), 0.03));

        double[][] m = PerformanceMatrix.bucketed(window, 4, List.of(a, b));

        assertThat(m).isDeepEqualTo(new double[][] {{0.03, 0}, {0, 0.03}, {0, 0}, {-0.01, 0}});
    }
}
