package dev.peregrine.benchmarks.signal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.peregrine.common.event.Grade;
import dev.peregrine.common.value.Interval;
import dev.peregrine.common.value.Side;
import dev.peregrine.signal.domain.SignalValidator;
import dev.peregrine.signal.domain.bar.Bar;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SignalGradeReportTest {

    private static final long MINUTE = 60_000;

    @Test
    void entersAtTheNextOpenAndExitsAtTheOpenHorizonCandlesLaterSignedInTheSignalsDirection() {
        long[] times = {0, 15 * MINUTE, 30 * MINUTE, 45 * MINUTE, 60 * MINUTE, 75 * MINUTE};
        double[] opens = {100, 101, 102, 103, 104, 110};

        double expected = 10_000.0 * (103 - 101) / 101;
        assertThat(SignalGradeReport.forwardReturnBps(Side.BUY, times, opens, 0, 30 * MINUTE)
                        .getAsDouble())
                .isCloseTo(expected, within(1e-9));
        assertThat(SignalGradeReport.forwardReturnBps(Side.SELL, times, opens, 0, 30 * MINUTE)
                        .getAsDouble())
                .isCloseTo(-expected, within(1e-9));
    }

    @Test
    void aMissingCandleDoesNotShortenTheHorizonAndTheEndOfTheFileLeavesASignalUnresolved() {
        long[] times = {0, 15 * MINUTE, 30 * MINUTE, 60 * MINUTE, 75 * MINUTE};
        double[] opens = {100, 100, 90, 120, 130};

        // entry at 15 min (100), exit due at 45 min, which is missing: the next open, at 60 min (120)
        assertThat(SignalGradeReport.forwardReturnBps(Side.BUY, times, opens, 0, 30 * MINUTE)
                        .getAsDouble())
                .isCloseTo(2_000.0, within(1e-9));
        // entry at 60 min, exit due at 90 min: past the end of the file
        assertThat(SignalGradeReport.forwardReturnBps(Side.BUY, times, opens, 2, 30 * MINUTE))
                .isEmpty();
        // no candle after the signal to enter on
        assertThat(SignalGradeReport.forwardReturnBps(Side.BUY, times, opens, 4, 30 * MINUTE))
                .isEmpty();
    }

    /**
     * Runs the report over the real BTCUSDT 15m klines (one of the five symbols, to keep the build short) and
     * checks its bookkeeping against the file itself. Skipped when ../shared/data is absent (a fresh clone has
     * none).
     */
    @Test
    void gradesEveryValidatedSignalOfRealBtcKlinesAgainstWhatTheFileSaysHappenedNext() {
        Optional<Path> file = Klines.locate("BTCUSDT", "15m");
        assumeTrue(file.isPresent(), "../shared/data is absent (fresh clone): real-data grade report skipped");
        List<Bar> bars = Klines.read(file.get());
        int horizon = SignalGradeReport.DEFAULT_HORIZON;
        Duration interval = Duration.ofMinutes(15);

        SignalGradeReport.SymbolRun run = SignalGradeReport.run("BTCUSDT", bars, Interval.FIFTEEN_MINUTES, horizon);

        assertThat(run.candles()).isEqualTo(bars.size()).isGreaterThan(80_000);
        assertThat(run.applied()).isEqualTo(run.candles());
        assertThat(run.outcomes()).hasSizeGreaterThan(1_000);
        // only signals in the last horizon + 1 candles (at most 5 each) can lack an exit
        assertThat(run.unresolved()).isBetween(0, 5 * (horizon + 1));
        assertThat(run.verdicts().values().stream().mapToInt(Integer::intValue).sum())
                .isEqualTo(run.applied());

        Map<Instant, Double> openByTime = new HashMap<>();
        bars.forEach(bar -> openByTime.put(bar.openTime(), bar.open().doubleValue()));
        int checked = 0;
        for (int i = 0; i < run.outcomes().size(); i += 97) {
            SignalGradeReport.Outcome outcome = run.outcomes().get(i);
            Double entry = openByTime.get(outcome.signalTime().plus(interval));
            Double exit = openByTime.get(outcome.signalTime().plus(interval.multipliedBy(horizon + 1)));
            if (entry == null || exit == null) {
                continue;
            }
            double move = 10_000.0 * (exit - entry) / entry;
            assertThat(outcome.forwardBps()).isCloseTo(outcome.side() == Side.BUY ? move : -move, within(1e-9));
            assertThat(outcome.grade()).isEqualTo(SignalValidator.gradeOf(outcome.strength()));
            checked++;
        }
        assertThat(checked).isGreaterThan(run.outcomes().size() / 97 - 5);

        String report = SignalGradeMarkdown.render(List.of(run), "15m", interval, horizon);
        for (Grade grade : Grade.values()) {
            assertThat(report).contains("| " + grade + " |");
        }
        Map<Grade, ForwardReturnStats> byGrade =
                SignalGradeMarkdown.group(run.outcomes(), List.of(Grade.values()), SignalGradeReport.Outcome::grade);
        assertThat(byGrade.values().stream().mapToInt(ForwardReturnStats::count).sum())
                .isEqualTo(run.outcomes().size());
    }
}
