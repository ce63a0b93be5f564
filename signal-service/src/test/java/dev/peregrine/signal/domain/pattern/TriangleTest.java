package dev.peregrine.signal.domain.pattern;

import static dev.peregrine.signal.domain.pattern.Series.at;
import static dev.peregrine.signal.domain.pattern.Series.detectAll;
import static dev.peregrine.signal.domain.pattern.Series.mirrored;
import static dev.peregrine.signal.domain.pattern.Series.path;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The constructed triangles put their swings exactly on straight lines, so boundaries, widths and targets
 * can be worked out by hand: highs at bars 10, 30, 50, lows at 20, 40, 60, a breakout leg after bar 60.
 */
class TriangleTest {

    /**
     * Highs flat at 100.25; lows 79.75, 84.75, 89.75 rising 0.25 a bar. Opening width at bar 10:
     * 100.25 - (79.75 - 10 * 0.25) = 23. After the low at 60 (confirmed at 63) closes rise 5/3 a bar:
     * 100.0 at bar 66, 101.67 at bar 67, the first above 100.25.
     */
    private static List<PatternBar> ascending() {
        return path(
                at(0, 90),
                at(10, 100),
                at(20, 80),
                at(30, 100),
                at(40, 85),
                at(50, 100),
                at(60, 90),
                at(75, 115),
                at(80, 115));
    }

    /**
     * Highs 110.25, 106.25, 102.25 falling 0.2 a bar; lows 79.75, 83.75, 87.75 rising 0.2 a bar. Opening
     * width 110.25 - 77.75 = 32.5; upper boundary at bar 67: 110.25 - 57 * 0.2 = 98.85; closes 98.0 at 66
     * (boundary 99.05) and 99.67 at 67, when the width is 9.7, 70 % of the way to the apex.
     */
    private static List<PatternBar> symmetric() {
        return path(
                at(0, 95),
                at(10, 110),
                at(20, 80),
                at(30, 106),
                at(40, 84),
                at(50, 102),
                at(60, 88),
                at(75, 113),
                at(80, 113));
    }

    @Test
    void aTextbookAscendingTriangleIsReportedOnceOnTheBreakoutAboveItsFlatTop() {
        List<PatternMatch> matches = detectAll(ascending());

        assertThat(matches).hasSize(1);
        PatternMatch triangle = matches.getFirst();
        assertThat(triangle.type()).isEqualTo(PatternType.ASCENDING_TRIANGLE);
        assertThat(triangle.direction()).isEqualTo(Direction.BULLISH);
        assertThat(triangle.barIndex()).isEqualTo(67);
        assertThat(triangle.swings()).extracting(SwingPoint::barIndex).containsExactly(10L, 20L, 30L, 40L, 50L, 60L);
        assertThat(triangle.keyLevels().breakoutLevel()).isCloseTo(100.25, within(1e-9));
        assertThat(triangle.keyLevels().neckline().slopePerBar()).isCloseTo(0.0, within(1e-12));
        assertThat(triangle.keyLevels().height()).isCloseTo(23, within(1e-9));
        assertThat(triangle.keyLevels().target()).isCloseTo(123.25, within(1e-9));
        // exact fit and six swings: shape 1; neutral volume 0.5
        assertThat(triangle.confidence()).isCloseTo(0.85, within(1e-9));
        assertThat(triangle.explanation())
                .contains("Ascending triangle over 6 swings", "upper boundary flat", "lower boundary rising");
    }

    @Test
    void aTextbookDescendingTriangleBreaksDownThroughItsFlatBottom() {
        List<PatternMatch> matches = detectAll(mirrored(ascending(), 190));

        assertThat(matches).hasSize(1);
        PatternMatch triangle = matches.getFirst();
        assertThat(triangle.type()).isEqualTo(PatternType.DESCENDING_TRIANGLE);
        assertThat(triangle.direction()).isEqualTo(Direction.BEARISH);
        assertThat(triangle.barIndex()).isEqualTo(67);
        assertThat(triangle.keyLevels().breakoutLevel()).isCloseTo(89.75, within(1e-9));
        assertThat(triangle.keyLevels().target()).isCloseTo(66.75, within(1e-9));
    }

    @Test
    void aTextbookSymmetricTriangleIsReportedInTheDirectionOfItsBreakout() {
        List<PatternMatch> up = detectAll(symmetric());
        List<PatternMatch> down = detectAll(mirrored(symmetric(), 190));

        assertThat(up).hasSize(1);
        assertThat(up.getFirst().type()).isEqualTo(PatternType.SYMMETRIC_TRIANGLE);
        assertThat(up.getFirst().direction()).isEqualTo(Direction.BULLISH);
        assertThat(up.getFirst().barIndex()).isEqualTo(67);
        assertThat(up.getFirst().keyLevels().breakoutLevel()).isCloseTo(98.85, within(1e-9));
        assertThat(up.getFirst().keyLevels().neckline().slopePerBar()).isCloseTo(-0.2, within(1e-12));
        assertThat(up.getFirst().keyLevels().target()).isCloseTo(98.85 + 32.5, within(1e-9));

        assertThat(down).hasSize(1);
        assertThat(down.getFirst().type()).isEqualTo(PatternType.SYMMETRIC_TRIANGLE);
        assertThat(down.getFirst().direction()).isEqualTo(Direction.BEARISH);
        assertThat(down.getFirst().barIndex()).isEqualTo(67);
        assertThat(down.getFirst().keyLevels().breakoutLevel()).isCloseTo(190 - 98.85, within(1e-9));
    }

    @Test
    void divergingBoundariesAreNotATriangle() {
        // Highs 100, 104, 108 and lows 90, 86, 80: a broadening formation, then the same breakout leg.
        List<PatternBar> bars = path(
                at(0, 95),
                at(10, 100),
                at(20, 90),
                at(30, 104),
                at(40, 86),
                at(50, 108),
                at(60, 80),
                at(75, 115),
                at(80, 115));

        assertThat(detectAll(bars))
                .extracting(PatternMatch::type)
                .noneMatch(type -> type.family().equals("TRIANGLE"));
    }

    @Test
    void boundariesRisingTogetherAreAWedgeNotATriangle() {
        // Highs 100, 104, 108 and lows 90, 96, 102 both rise: a rising wedge.
        List<PatternBar> bars = path(
                at(0, 95),
                at(10, 100),
                at(20, 90),
                at(30, 104),
                at(40, 96),
                at(50, 108),
                at(60, 102),
                at(75, 125),
                at(80, 125));

        assertThat(detectAll(bars))
                .extracting(PatternMatch::type)
                .noneMatch(type -> type.family().equals("TRIANGLE"));
    }

    @Test
    void aBreakoutTooCloseToTheApexIsNotReported() {
        // The symmetric triangle again, but price drifts inside it and only closes above the upper boundary
        // (97.25) at bar 75, where the width is 6.5 of the opening 32.5: 80 % of the way to the apex.
        List<PatternBar> bars = path(
                at(0, 95),
                at(10, 110),
                at(20, 80),
                at(30, 106),
                at(40, 84),
                at(50, 102),
                at(60, 88),
                at(63, 92),
                at(74, 95.5),
                at(76, 100),
                at(78, 100));

        assertThat(detectAll(bars))
                .extracting(PatternMatch::type)
                .noneMatch(type -> type.family().equals("TRIANGLE"));
        PatternConfig lenient = new PatternConfig(0.15, 0.25, 0.15, 0.5, 0.15, 0.10, 0.30, 0.95, 5, 6, 20);
        assertThat(detectAll(new PatternDetector(SwingConfig.defaults(), lenient), bars))
                .extracting(PatternMatch::type)
                .contains(PatternType.SYMMETRIC_TRIANGLE);
    }

    @Test
    void aTriangleThatNeverClosesOutsideItsBoundariesIsNotReported() {
        List<PatternBar> bars = path(
                at(0, 90),
                at(10, 100),
                at(20, 80),
                at(30, 100),
                at(40, 85),
                at(50, 100),
                at(60, 90),
                at(64, 95),
                at(70, 95));

        assertThat(detectAll(bars)).isEmpty();
    }
}
