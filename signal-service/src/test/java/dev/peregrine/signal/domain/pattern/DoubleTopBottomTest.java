package dev.peregrine.signal.domain.pattern;

import static dev.peregrine.signal.domain.pattern.Series.at;
import static dev.peregrine.signal.domain.pattern.Series.detectAll;
import static dev.peregrine.signal.domain.pattern.Series.mirrored;
import static dev.peregrine.signal.domain.pattern.Series.path;
import static dev.peregrine.signal.domain.pattern.Series.withVolume;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class DoubleTopBottomTest {

    /**
     * Peaks at bars 20 (high 100.25) and 40 (99.75), trough at 30 (low 89.75). The second peak is confirmed
     * at bar 43; closes then fall 1.3 a bar: 90.4 at bar 47, 89.1 at bar 48, the first close below 89.75.
     */
    private static List<PatternBar> textbookDoubleTop() {
        return path(at(0, 80), at(20, 100), at(30, 90), at(40, 99.5), at(55, 80), at(60, 80));
    }

    @Test
    void aTextbookDoubleTopIsReportedOnceOnTheBarWhoseCloseBreaksTheNeckline() {
        List<PatternBar> bars = textbookDoubleTop();

        List<PatternMatch> matches = detectAll(bars);

        assertThat(matches).hasSize(1);
        PatternMatch top = matches.getFirst();
        assertThat(top.type()).isEqualTo(PatternType.DOUBLE_TOP);
        assertThat(top.direction()).isEqualTo(Direction.BEARISH);
        assertThat(top.barIndex()).isEqualTo(48);
        assertThat(top.confirmedAt()).isEqualTo(bars.get(48).openTime());
        assertThat(top.swings()).extracting(SwingPoint::barIndex).containsExactly(20L, 30L, 40L);
        assertThat(top.keyLevels().neckline()).isEqualTo(PatternLine.horizontal(30, 89.75));
        assertThat(top.keyLevels().breakoutLevel()).isEqualTo(89.75);
        // height = (100.25 + 99.75) / 2 - 89.75 = 10.25; target = 89.75 - 10.25
        assertThat(top.keyLevels().height()).isCloseTo(10.25, within(1e-9));
        assertThat(top.keyLevels().target()).isCloseTo(79.5, within(1e-9));
        // shape = 1 - 0.5 / (0.15 * 10.25); volume equals its average: score 0.5
        assertThat(top.confidence()).isCloseTo(0.7 * (1 - 0.5 / (0.15 * 10.25)) + 0.3 * 0.5, within(1e-9));
        assertThat(top.explanation())
                .contains(
                        "Double top",
                        "peaks 100.250 (bar 20) and 99.7500 (bar 40)",
                        "below the neckline 89.7500",
                        "target 79.5000");
    }

    @Test
    void aTextbookDoubleBottomIsTheMirrorImage() {
        List<PatternBar> bars = mirrored(textbookDoubleTop(), 200);

        List<PatternMatch> matches = detectAll(bars);

        assertThat(matches).hasSize(1);
        PatternMatch bottom = matches.getFirst();
        assertThat(bottom.type()).isEqualTo(PatternType.DOUBLE_BOTTOM);
        assertThat(bottom.direction()).isEqualTo(Direction.BULLISH);
        assertThat(bottom.barIndex()).isEqualTo(48);
        assertThat(bottom.swings())
                .extracting(SwingPoint::type)
                .containsExactly(SwingType.LOW, SwingType.HIGH, SwingType.LOW);
        assertThat(bottom.keyLevels().breakoutLevel()).isEqualTo(110.25);
        assertThat(bottom.keyLevels().target()).isCloseTo(120.5, within(1e-9));
    }

    @Test
    void aBreakBeforeTheSecondPeakIsConfirmedIsReportedOnTheConfirmingBarNotEarlier() {
        // Closes fall below the neckline at bar 42, but the peak at 40 is only known at bar 43.
        List<PatternBar> bars =
                path(at(0, 80), at(20, 100), at(30, 90), at(40, 99.5), at(42, 85), at(50, 80), at(55, 80));

        List<PatternMatch> matches = detectAll(bars);

        assertThat(bars.get(42).close()).isLessThan(89.75);
        assertThat(matches)
                .extracting(PatternMatch::type, PatternMatch::barIndex)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(PatternType.DOUBLE_TOP, 43L));
    }

    @Test
    void peaksTooFarApartInPriceAreNotADoubleTop() {
        // Second peak 97.25: the peaks differ by 3, a third of the 9.0 height (tolerance 15 %).
        List<PatternBar> bars = path(at(0, 80), at(20, 100), at(30, 90), at(40, 97), at(55, 80), at(60, 80));

        assertThat(detectAll(bars)).isEmpty();
    }

    @Test
    void withoutACloseBelowTheNecklineThereIsNoDoubleTop() {
        List<PatternBar> bars = path(at(0, 80), at(20, 100), at(30, 90), at(40, 99.5), at(50, 91), at(60, 95));

        assertThat(detectAll(bars)).isEmpty();
    }

    @Test
    void breakoutVolumeRaisesTheConfidenceAndThinVolumeLowersIt() {
        double shape = 1 - 0.5 / (0.15 * 10.25);

        PatternMatch loud = detectAll(withVolume(textbookDoubleTop(), 48, 3 * Series.VOLUME))
                .getFirst();
        PatternMatch quiet = detectAll(withVolume(textbookDoubleTop(), 48, 0.4 * Series.VOLUME))
                .getFirst();

        assertThat(loud.confidence()).isCloseTo(0.7 * shape + 0.3, within(1e-9));
        assertThat(quiet.confidence()).isCloseTo(0.7 * shape, within(1e-9));
        assertThat(loud.keyLevels()).isEqualTo(quiet.keyLevels());
    }
}
