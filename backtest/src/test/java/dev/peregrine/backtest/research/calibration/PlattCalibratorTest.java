package dev.peregrine.backtest.research.calibration;

import static dev.peregrine.backtest.research.calibration.IsotonicCalibratorTest.signal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlattCalibratorTest {

    /** Score 0: 1 hit in 4; score 1: 3 hits in 4. */
    private static List<ScoredOutcome> twoPoints() {
        List<ScoredOutcome> data = new ArrayList<>();
        data.add(signal(0, true));
        for (int i = 0; i < 3; i++) {
            data.add(signal(0, false));
            data.add(signal(1, true));
        }
        data.add(signal(1, false));
        return data;
    }

    @Test
    void withoutSmoothingTwoScoresAreFittedExactly() {
        // 1 / (1 + e^B) = 1/4 -> B = ln 3; 1 / (1 + e^(A + B)) = 3/4 -> A + B = -ln 3
        PlattCalibrator fit = PlattCalibrator.fit(twoPoints(), false);

        assertThat(fit.b()).isCloseTo(Math.log(3), within(1e-9));
        assertThat(fit.a()).isCloseTo(-2 * Math.log(3), within(1e-9));
        assertThat(fit.probability(0)).isCloseTo(0.25, within(1e-9));
        assertThat(fit.probability(1)).isCloseTo(0.75, within(1e-9));
    }

    @Test
    void plattsTargetsPullTheFitTowardsTheMiddle() {
        // 4 hits, 4 misses: targets 5/6 and 1/6; mean target 1/3 at score 0 and 2/3 at score 1 -> B = ln 2, A = -2 ln 2
        PlattCalibrator fit = PlattCalibrator.fit(twoPoints(), true);

        // Newton stops when the likelihood no longer improves in double precision: parameters to ~1e-8
        assertThat(fit.b()).isCloseTo(Math.log(2), within(1e-7));
        assertThat(fit.a()).isCloseTo(-2 * Math.log(2), within(1e-7));
    }

    @Test
    void separableScoresStayFiniteWithSmoothing() {
        List<ScoredOutcome> data =
                List.of(signal(0.1, false), signal(0.2, false), signal(0.8, true), signal(0.9, true));

        PlattCalibrator fit = PlattCalibrator.fit(data, true);

        assertThat(Double.isFinite(fit.a()) && Double.isFinite(fit.b())).isTrue();
        assertThat(fit.probability(0.9)).isGreaterThan(0.5).isLessThan(1.0);
        assertThat(fit.probability(0.1)).isLessThan(0.5).isGreaterThan(0.0);
    }
}
