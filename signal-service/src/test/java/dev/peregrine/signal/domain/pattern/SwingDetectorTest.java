package dev.peregrine.signal.domain.pattern;

import static dev.peregrine.signal.domain.pattern.Series.at;
import static dev.peregrine.signal.domain.pattern.Series.bar;
import static dev.peregrine.signal.domain.pattern.Series.path;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SwingDetectorTest {

    private static final SwingConfig UNFILTERED = SwingConfig.defaults().withMinSize(0, 0);

    /** What {@link SwingDetector#onBar} returned for each bar. */
    private static List<Optional<SwingPoint>> feed(SwingDetector detector, List<PatternBar> bars) {
        List<Optional<SwingPoint>> results = new ArrayList<>();
        for (PatternBar bar : bars) {
            results.add(detector.onBar(bar));
        }
        return results;
    }

    @Test
    void confirmsASwingHighExactlyWindowBarsAfterItsBarAndNotBefore() {
        List<PatternBar> bars = path(at(0, 90), at(10, 100), at(20, 90));
        SwingDetector detector = new SwingDetector(UNFILTERED);

        List<Optional<SwingPoint>> results = feed(detector, bars);

        for (int i = 0; i < bars.size(); i++) {
            if (i == 13) {
                assertThat(results.get(i))
                        .contains(
                                new SwingPoint(SwingType.HIGH, 10, bars.get(10).openTime(), 100.25, 13));
            } else {
                assertThat(results.get(i)).as("bar %d", i).isEmpty();
            }
        }
        assertThat(detector.swings()).extracting(SwingPoint::barIndex).containsExactly(10L);
    }

    @Test
    void theWindowIsConfigurable() {
        // Bar 10 is the highest of 3 bars on each side but bar 15 tops it within 5 bars.
        List<PatternBar> bars = path(at(0, 90), at(10, 100), at(12, 98), at(15, 101), at(25, 90));

        SwingDetector three = new SwingDetector(UNFILTERED);
        feed(three, bars);
        SwingDetector five = new SwingDetector(UNFILTERED.withWindow(5));
        List<Optional<SwingPoint>> fiveResults = feed(five, bars);

        assertThat(three.swings()).extracting(SwingPoint::barIndex).containsExactly(10L, 12L, 15L);
        assertThat(five.swings()).extracting(SwingPoint::barIndex).containsExactly(15L);
        assertThat(fiveResults.get(20)).map(SwingPoint::confirmedAtIndex).contains(20L);
    }

    @Test
    void aLowerLowBetweenTwoHighsIsFoundWithItsOwnLag() {
        List<PatternBar> bars = path(at(0, 90), at(10, 100), at(18, 92), at(26, 99), at(34, 90));
        SwingDetector detector = new SwingDetector(UNFILTERED);
        List<Optional<SwingPoint>> results = feed(detector, bars);

        assertThat(results.get(21))
                .contains(new SwingPoint(SwingType.LOW, 18, bars.get(18).openTime(), 91.75, 21));
        assertThat(detector.swings())
                .extracting(SwingPoint::type)
                .containsExactly(SwingType.HIGH, SwingType.LOW, SwingType.HIGH);
    }

    @Test
    void aFlatTopOfEqualHighsCountsOnceAtItsFirstBar() {
        List<PatternBar> bars = new ArrayList<>(path(at(0, 90), at(10, 100)));
        bars.add(bar(11, 100));
        bars.add(bar(12, 100));
        for (int i = 13; i <= 20; i++) {
            bars.add(bar(i, 100 - (i - 12)));
        }
        SwingDetector detector = new SwingDetector(UNFILTERED);
        feed(detector, bars);

        assertThat(detector.swings()).extracting(SwingPoint::barIndex).containsExactly(10L);
    }

    @Test
    void aHigherHighWithoutALowInBetweenReplacesTheLastHighAndALowerOneIsDropped() {
        // Swing highs at 10 (100) and 20 (103); the dip at 15 is 1 below 100, less than the 2-point minimum.
        // Then a swing high at 30 (102) after another too-small dip: lower than 103, dropped.
        SwingConfig config = new SwingConfig(3, 0, 2.0, 14, 12);
        List<PatternBar> bars =
                path(at(0, 90), at(10, 100), at(15, 99), at(20, 103), at(25, 101.5), at(30, 102), at(40, 90));
        SwingDetector detector = new SwingDetector(config);
        List<Optional<SwingPoint>> results = feed(detector, bars);

        assertThat(results.get(13)).map(SwingPoint::barIndex).contains(10L);
        assertThat(results.get(23)).map(SwingPoint::barIndex).contains(20L);
        assertThat(results.get(33)).isEmpty();
        assertThat(detector.swings())
                .extracting(SwingPoint::barIndex, SwingPoint::price)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(20L, 103.25));
    }

    @Test
    void swingsSmallerThanTheMinimumAtrMoveAreFiltered() {
        // Legs of 10 points, then a 0.9-point dip at bar 43, under 1 ATR (about 1.1 there).
        List<PatternBar> bars =
                path(at(0, 90), at(20, 100), at(30, 90), at(40, 100), at(43, 99.6), at(46, 100.5), at(56, 90));

        SwingDetector filtered = new SwingDetector(SwingConfig.defaults());
        feed(filtered, bars);
        SwingDetector unfiltered = new SwingDetector(UNFILTERED);
        feed(unfiltered, bars);

        assertThat(unfiltered.swings()).extracting(SwingPoint::barIndex).containsExactly(20L, 30L, 40L, 43L, 46L);
        // The dip is dropped, so the higher high at 46 replaces the one at 40.
        assertThat(filtered.swings()).extracting(SwingPoint::barIndex).containsExactly(20L, 30L, 46L);
    }

    @Test
    void noSwingIsAcceptedWhileTheAtrIsWarmingUp() {
        // The swing high at bar 5 is confirmed at bar 8, before ATR(14) has a value; the low at 15 comes after.
        List<PatternBar> bars = path(at(0, 95), at(5, 100), at(15, 90), at(25, 100));
        SwingDetector detector = new SwingDetector(SwingConfig.defaults());
        feed(detector, bars);

        assertThat(detector.swings()).extracting(SwingPoint::barIndex).containsExactly(15L);
    }

    @Test
    void keepsOnlyTheMostRecentSwings() {
        List<Series.Point> points = new ArrayList<>();
        points.add(at(0, 90));
        for (int i = 1; i <= 20; i++) {
            points.add(at(i * 6, i % 2 == 1 ? 100 : 90));
        }
        SwingDetector detector = new SwingDetector(new SwingConfig(3, 0, 0, 14, 5));
        feed(detector, path(points.toArray(Series.Point[]::new)));

        assertThat(detector.swings()).hasSize(5);
        assertThat(detector.swings()).extracting(SwingPoint::barIndex).containsExactly(90L, 96L, 102L, 108L, 114L);
    }

    @Test
    void rejectsConfigurationsThatCannotWork() {
        assertThatThrownBy(() -> new SwingConfig(0, 1, 0, 14, 12)).hasMessageContaining("window");
        assertThatThrownBy(() -> new SwingConfig(3, -1, 0, 14, 12)).hasMessageContaining("ATR");
        assertThatThrownBy(() -> new SwingConfig(3, 1, Double.NaN, 14, 12)).hasMessageContaining("percent");
        assertThatThrownBy(() -> new SwingConfig(3, 1, 0, 0, 12)).hasMessageContaining("ATR period");
        assertThatThrownBy(() -> new SwingConfig(3, 1, 0, 14, 2)).hasMessageContaining("3 swings");
        assertThatThrownBy(() -> new PatternBar(Series.START, 9, 10, 9.5, 1)).hasMessageContaining("below low");
    }
}
