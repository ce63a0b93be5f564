package dev.peregrine.backtest.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.peregrine.backtest.research.optimiser.WalkForwardRun;
import dev.peregrine.backtest.research.search.IntegerParameter;
import dev.peregrine.backtest.research.search.ParameterSpace;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class ParameterSurfaceTest {

    @Test
    void numbersReadBackFromJsonPrintAsDeclared() {
        assertThat(ParameterSurface.key(new BigDecimal("0.450"))).isEqualTo("0.45");
        assertThat(ParameterSurface.key(0.45d)).isEqualTo("0.45");
        assertThat(ParameterSurface.key(2)).isEqualTo("2");
        assertThat(ParameterSurface.key(new BigDecimal("20"))).isEqualTo("20");
        assertThat(ParameterSurface.key("ROLLING")).isEqualTo("ROLLING");
    }

    @Test
    void oneParameterGivesOneAxisAndOneCellPerChosenPoint() {
        ParameterSurface surface = ParameterSurface.of(WalkForwardFixtures.run("wf", 5, false, "grid"));

        assertThat(surface.axes()).hasSize(1);
        // folds 0, 2, 4 chose 2 (scores 0.01, 0.03, 0.05); folds 1, 3 chose 3 (0.02, 0.04)
        assertThat(surface.cells()).hasSize(2);
        assertThat(surface.cells().get(0).position()).containsExactly(1);
        assertThat(surface.cells().get(0).folds()).isEqualTo(3);
        assertThat(surface.cells().get(0).meanInSample()).isCloseTo(0.03, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(surface.cells().get(1).meanOutOfSample())
                .isCloseTo(-0.003, org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void anAxisTooLongToDrawIsLeftOut() {
        WalkForwardRun run = WalkForwardFixtures.run("wf", 2, false, "grid");
        WalkForwardRun wide = new WalkForwardRun(
                run.runId(),
                run.createdAt(),
                ParameterSpace.of(new IntegerParameter(WalkForwardFixtures.AGREEING, 1, 1000, 1)),
                run.search(),
                run.fittingRange(),
                run.holdoutStart(),
                run.plan(),
                run.folds(),
                run.outOfSample(),
                run.meanInSampleScore(),
                run.meanOutOfSampleScore(),
                run.outOfSampleProbabilisticSharpe());

        assertThat(ParameterSurface.of(wide).axes()).isEmpty();
        assertThat(ParameterSurface.of(wide).cells()).isEmpty();
    }
}
