package dev.peregrine.signal.domain.pattern;

import static dev.peregrine.signal.domain.pattern.Series.at;
import static dev.peregrine.signal.domain.pattern.Series.detectAll;
import static dev.peregrine.signal.domain.pattern.Series.mirrored;
import static dev.peregrine.signal.domain.pattern.Series.path;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class HeadAndShouldersTest {

    // Neckline through the troughs (22, 87.75) and (40, 88.25).
    private static final double NECK_SLOPE = 0.5 / 18;
    // Head 105.25 at bar 32 minus the neckline there.
    private static final double HEIGHT = 105.25 - (87.75 + 10 * NECK_SLOPE);

    /**
     * Left shoulder 95.25 (bar 15), trough 87.75 (22), head 105.25 (32), trough 88.25 (40), right shoulder
     * 95.75 (48), confirmed at bar 51. Closes then fall 1.708 a bar: 88.67 at bar 52 (neckline 88.58),
     * 86.96 at bar 53 (neckline 88.61), the first close below it.
     */
    private static List<PatternBar> textbook(double rightShoulder) {
        return path(
                at(0, 80),
                at(15, 95),
                at(22, 88),
                at(32, 105),
                at(40, 88.5),
                at(48, rightShoulder),
                at(60, 75),
                at(65, 75));
    }

    @Test
    void aTextbookHeadAndShouldersIsReportedOnceOnTheNecklineBreak() {
        List<PatternMatch> matches = detectAll(textbook(95.5));

        assertThat(matches).hasSize(1);
        PatternMatch hs = matches.getFirst();
        assertThat(hs.type()).isEqualTo(PatternType.HEAD_AND_SHOULDERS);
        assertThat(hs.direction()).isEqualTo(Direction.BEARISH);
        assertThat(hs.barIndex()).isEqualTo(53);
        assertThat(hs.swings()).extracting(SwingPoint::barIndex).containsExactly(15L, 22L, 32L, 40L, 48L);
        assertThat(hs.keyLevels().neckline().valueAt(22)).isCloseTo(87.75, within(1e-9));
        assertThat(hs.keyLevels().neckline().slopePerBar()).isCloseTo(NECK_SLOPE, within(1e-12));
        double breakout = 87.75 + 31 * NECK_SLOPE;
        assertThat(hs.keyLevels().breakoutLevel()).isCloseTo(breakout, within(1e-9));
        assertThat(hs.keyLevels().height()).isCloseTo(HEIGHT, within(1e-9));
        assertThat(hs.keyLevels().target()).isCloseTo(breakout - HEIGHT, within(1e-9));
        double shape = 0.5 * (1 - 0.5 / (0.25 * HEIGHT)) + 0.5 * (1 - 0.5 / (0.5 * HEIGHT));
        assertThat(hs.confidence()).isCloseTo(0.7 * shape + 0.3 * 0.5, within(1e-9));
        assertThat(hs.explanation()).startsWith("Head and shoulders: head 105.250 (bar 32)");
    }

    @Test
    void aTextbookInverseHeadAndShouldersIsTheMirrorImage() {
        List<PatternMatch> matches = detectAll(mirrored(textbook(95.5), 200));

        assertThat(matches).hasSize(1);
        PatternMatch inverse = matches.getFirst();
        assertThat(inverse.type()).isEqualTo(PatternType.INVERSE_HEAD_AND_SHOULDERS);
        assertThat(inverse.direction()).isEqualTo(Direction.BULLISH);
        assertThat(inverse.barIndex()).isEqualTo(53);
        double breakout = 200 - (87.75 + 31 * NECK_SLOPE);
        assertThat(inverse.keyLevels().breakoutLevel()).isCloseTo(breakout, within(1e-9));
        assertThat(inverse.keyLevels().target()).isCloseTo(breakout + HEIGHT, within(1e-9));
    }

    @Test
    void shouldersTooUnevenAreNotAHeadAndShoulders() {
        // Right shoulder 101.25 against 95.25: 6 apart, a third of the height (tolerance 25 %).
        assertThat(detectAll(textbook(101))).isEmpty();
    }

    @Test
    void aHeadBarelyAboveTheShouldersIsNotAHeadAndShoulders() {
        // Shoulders 95.25 and 96.25 around a 97.25 head: the head stands 1 above, under 15 % of its height.
        List<PatternBar> bars =
                path(at(0, 80), at(15, 95), at(22, 88), at(32, 97), at(40, 88.5), at(48, 96), at(60, 75), at(65, 75));

        assertThat(detectAll(bars)).extracting(PatternMatch::type).doesNotContain(PatternType.HEAD_AND_SHOULDERS);
    }

    @Test
    void withoutANecklineBreakThereIsNoHeadAndShoulders() {
        List<PatternBar> bars = path(
                at(0, 80), at(15, 95), at(22, 88), at(32, 105), at(40, 88.5), at(48, 95.5), at(55, 90), at(65, 90));

        assertThat(detectAll(bars)).isEmpty();
    }
}
