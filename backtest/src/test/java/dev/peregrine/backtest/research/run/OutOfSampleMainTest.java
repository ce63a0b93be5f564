package dev.peregrine.backtest.research.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.peregrine.backtest.research.walkforward.HoldoutSplit;
import dev.peregrine.backtest.research.walkforward.TimeWindow;
import dev.peregrine.backtest.research.walkforward.WalkForwardWindow;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class OutOfSampleMainTest {

    @Test
    void theHoldoutWindowTrainsOnlyBeforeTheHoldoutAndItsLabelHorizon() {
        HoldoutSplit split = HoldoutSplit.lastQuarter(
                new TimeWindow(Instant.parse("2023-01-02T00:00:00Z"), Instant.parse("2025-07-01T00:00:00Z")),
                Duration.ofHours(4));
        WalkForwardOptions options = WalkForwardOptions.parse(List.of("--train-days", "120"), Path.of("data"));

        WalkForwardWindow window = OutOfSampleMain.holdoutWindow(split, options);

        assertThat(window.test()).isEqualTo(split.holdoutForFinalReport());
        assertThat(split.touchesHoldout(window.trainWithLabels())).isFalse();
        assertThat(window.train().to()).isEqualTo(split.fitting().to());
        assertThat(window.train().length()).isEqualTo(Duration.ofDays(120));
        assertThat(window.train().overlaps(window.test())).isFalse();
    }
}
