package dev.peregrine.signal.domain.pattern;

import static dev.peregrine.signal.domain.pattern.Series.at;
import static dev.peregrine.signal.domain.pattern.Series.detectAll;
import static dev.peregrine.signal.domain.pattern.Series.path;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PatternDetectorTest {

    /** A seeded random walk: fixed data, but without the tidy geometry of the constructed patterns. */
    private static List<PatternBar> randomWalk(long seed, int length) {
        Random random = new Random(seed);
        List<PatternBar> bars = new ArrayList<>();
        double close = 100;
        for (int i = 0; i < length; i++) {
            double open = close;
            close = open * (1 + 0.01 * random.nextGaussian());
            double high = Math.max(open, close) * (1 + 0.004 * Math.abs(random.nextGaussian()));
            double low = Math.min(open, close) * (1 - 0.004 * Math.abs(random.nextGaussian()));
            double volume = 500 + 1000 * random.nextDouble();
            bars.add(new PatternBar(Series.START.plus(Series.BAR.multipliedBy(i)), high, low, close, volume));
        }
        return bars;
    }

    @Test
    void everyPrefixGivesExactlyThePatternsTheFullRunReportedOnIt() {
        List<PatternBar> bars = randomWalk(7, 1200);
        List<PatternMatch> full = detectAll(bars);
        assertThat(full)
                .as("the walk must contain patterns for this test to mean anything")
                .hasSizeGreaterThanOrEqualTo(5);

        for (int prefix = 1; prefix <= bars.size(); prefix++) {
            long end = prefix;
            List<PatternMatch> expected =
                    full.stream().filter(m -> m.barIndex() < end).toList();
            assertThat(detectAll(bars.subList(0, prefix)))
                    .as("prefix of %d bars", prefix)
                    .isEqualTo(expected);
        }
    }

    @Test
    void whatHappensAfterABarNeverChangesWhatWasReportedUpToIt() {
        List<PatternBar> bars = randomWalk(11, 1500);
        List<PatternMatch> original = detectAll(bars);
        assertThat(original).hasSizeGreaterThanOrEqualTo(5);

        for (int cut : new int[] {200, 517, 900, 1234}) {
            List<PatternBar> otherFuture = new ArrayList<>(bars.subList(0, cut));
            for (PatternBar b : randomWalk(cut, bars.size() - cut)) {
                double scale = bars.get(cut - 1).close() / 100.0;
                otherFuture.add(new PatternBar(
                        b.openTime().plus(Series.BAR.multipliedBy(cut)),
                        b.high() * scale,
                        b.low() * scale,
                        b.close() * scale,
                        b.volume()));
            }
            List<PatternMatch> rewritten = detectAll(otherFuture);
            assertThat(rewritten.stream().filter(m -> m.barIndex() < cut).toList())
                    .as("reports before bar %d", cut)
                    .isEqualTo(original.stream().filter(m -> m.barIndex() < cut).toList());
        }
    }

    @Test
    void theRandomWalkYieldsMoreThanOneKindOfPattern() {
        List<PatternMatch> matches = new ArrayList<>();
        for (long seed = 1; seed <= 5; seed++) {
            matches.addAll(detectAll(randomWalk(seed, 3000)));
        }
        assertThat(matches).extracting(PatternMatch::type).contains(PatternType.DOUBLE_TOP, PatternType.DOUBLE_BOTTOM);
        assertThat(matches).allSatisfy(m -> {
            assertThat(m.confidence()).isBetween(0.0, 1.0);
            assertThat(m.swings().getLast().confirmedAtIndex()).isLessThanOrEqualTo(m.barIndex());
            double sign = m.direction() == Direction.BULLISH ? 1 : -1;
            assertThat(sign * (m.keyLevels().target() - m.keyLevels().breakoutLevel()))
                    .isPositive();
        });
    }

    @Test
    void aSwingIsUsedByOnlyOneReportedPatternOfAFamily() {
        // Double top 20/30/40 breaks its 89.75 neckline at bar 49; the drop bottoms at 50 (87.75) and a third
        // peak at 60 makes (40, 50, 60) a valid double top too, whose break below 87.75 follows. It shares the
        // peak at 40 with the reported one, so it is the same formation and is not reported again.
        List<PatternBar> bars =
                path(at(0, 80), at(20, 100), at(30, 90), at(40, 100), at(50, 88), at(60, 100), at(75, 80), at(80, 80));

        List<PatternMatch> matches = detectAll(bars);

        assertThat(matches)
                .extracting(PatternMatch::type, PatternMatch::barIndex)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(PatternType.DOUBLE_TOP, 49L));
        assertThat(new DoubleTopBottomRecognizer(PatternConfig.defaults())
                        .recognize(
                                List.of(
                                        matches.getFirst().swings().get(2),
                                        new SwingPoint(
                                                SwingType.LOW, 50, bars.get(50).openTime(), 87.75, 53),
                                        new SwingPoint(
                                                SwingType.HIGH, 60, bars.get(60).openTime(), 100.25, 63)),
                                new BarContext(70, bars.get(70), 0.5)))
                .as("on its own the second formation would be a confirmed double top")
                .isPresent();
    }

    @Test
    void rejectsInconsistentConfiguration() {
        assertThatThrownBy(() -> new PatternDetector(new SwingConfig(3, 1, 0, 14, 5), PatternConfig.defaults()))
                .hasMessageContaining("maxSwings");
        assertThatThrownBy(() -> PatternConfig.defaults().withTriangleSwings(3, 6))
                .hasMessageContaining("at least 4");
        assertThatThrownBy(() -> PatternConfig.defaults().withTriangleSwings(6, 5))
                .hasMessageContaining("below");
        assertThatThrownBy(() -> new PatternConfig(0, 0.25, 0.15, 0.5, 0.15, 0.1, 0.3, 0.75, 5, 6, 20))
                .hasMessageContaining("doublePeakTolerance");
        assertThatThrownBy(() -> new PatternConfig(0.15, 0.25, 0.15, 0.5, 0.15, 0.1, 1.0, 0.75, 5, 6, 20))
                .hasMessageContaining("triangleMinConvergence");
        assertThatThrownBy(() -> new PatternConfig(0.15, 0.25, 0.15, 0.5, 0.15, 0.1, 0.3, 0, 5, 6, 20))
                .hasMessageContaining("triangleMaxApexProgress");
    }
}
