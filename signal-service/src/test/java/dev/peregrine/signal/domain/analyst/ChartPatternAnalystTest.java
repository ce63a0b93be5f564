package dev.peregrine.signal.domain.analyst;

import static dev.peregrine.signal.domain.analyst.TestMarket.calmBar;
import static dev.peregrine.signal.domain.analyst.TestMarket.context;
import static dev.peregrine.signal.domain.analyst.TestMarket.names;
import static dev.peregrine.signal.domain.analyst.TestMarket.pattern;
import static dev.peregrine.signal.domain.analyst.TestMarket.warm;
import static org.assertj.core.api.Assertions.assertThat;

import dev.peregrine.signal.domain.pattern.Direction;
import dev.peregrine.signal.domain.pattern.PatternMatch;
import dev.peregrine.signal.domain.pattern.PatternType;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Close 100 in every case; trend EMA 95 unless said otherwise. */
class ChartPatternAnalystTest {

    private final ChartPatternAnalyst analyst = ChartPatternAnalyst.withDefaults();

    private Opinion assess(List<PatternMatch> patterns) {
        return analyst.assess(context(calmBar(100), warm().emaTrend(95).build(), patterns));
    }

    static Stream<Arguments> everyTypeInEveryDirection() {
        return Arrays.stream(PatternType.values())
                .flatMap(type -> Arrays.stream(Direction.values()).map(direction -> Arguments.of(type, direction)));
    }

    @ParameterizedTest
    @MethodSource("everyTypeInEveryDirection")
    void mapsThePatternsDirectionToItsStance(PatternType type, Direction direction) {
        Opinion opinion = assess(List.of(pattern(type, direction, 0.5, 99)));

        boolean bullish = direction == Direction.BULLISH;
        assertThat(opinion.stance()).isEqualTo(bullish ? Stance.BULLISH : Stance.BEARISH);
        // 0.6 * (0.8 * 0.5 + 0.2 * trend), trend 1 when the close (100) is on the pattern's side of the EMA (95)
        assertThat(opinion.confidence()).isEqualTo(bullish ? 0.36 : 0.24);
        assertThat(opinion.arguments().getFirst().name()).isEqualTo((bullish ? "BULL_" : "BEAR_") + type.name());
        assertThat(opinion.arguments().getFirst().threshold()).isEqualTo(99);
        assertThat(names(opinion)).endsWith("BULL_ABOVE_TREND_EMA");
    }

    @Test
    void noPatternIsNeutral() {
        Opinion opinion = assess(List.of());

        assertThat(opinion.stance()).isEqualTo(Stance.NEUTRAL);
        assertThat(names(opinion)).containsExactly("NO_PATTERN");
    }

    @Test
    void patternsOfBothDirectionsCancelOut() {
        Opinion opinion = assess(List.of(
                pattern(PatternType.DOUBLE_BOTTOM, Direction.BULLISH, 0.7, 99),
                pattern(PatternType.SYMMETRIC_TRIANGLE, Direction.BEARISH, 0.4, 101)));

        assertThat(opinion.stance()).isEqualTo(Stance.NEUTRAL);
        assertThat(names(opinion))
                .containsExactly("BULL_DOUBLE_BOTTOM", "BEAR_SYMMETRIC_TRIANGLE", "CONFLICTING_PATTERNS");
    }

    @Test
    void theBestPatternOfTheDirectionSetsTheConfidence() {
        Opinion opinion = assess(List.of(
                pattern(PatternType.DOUBLE_BOTTOM, Direction.BULLISH, 0.4, 99),
                pattern(PatternType.INVERSE_HEAD_AND_SHOULDERS, Direction.BULLISH, 0.9, 98)));

        // 0.6 * (0.8 * 0.9 + 0.2 * 1)
        assertThat(opinion.confidence()).isEqualTo(0.552);
        assertThat(names(opinion))
                .containsExactly("BULL_DOUBLE_BOTTOM", "BULL_INVERSE_HEAD_AND_SHOULDERS", "BULL_ABOVE_TREND_EMA");
    }

    @Test
    void aPatternAgainstTheTrendEmaKeepsItsStanceWithTheTrendAgainstIt() {
        Opinion opinion = analyst.assess(context(
                calmBar(100),
                warm().emaTrend(105).build(),
                List.of(pattern(PatternType.DOUBLE_BOTTOM, Direction.BULLISH, 0.5, 99))));

        assertThat(opinion.stance()).isEqualTo(Stance.BULLISH);
        assertThat(opinion.confidence()).isEqualTo(0.24);
        assertThat(dev.peregrine.signal.domain.analyst.Arguments.against(opinion))
                .extracting(Argument::name)
                .containsExactly("BEAR_BELOW_TREND_EMA");
    }

    @Test
    void needsNoWarmIndicatorAndScoresTheTrendNeutrallyUntilItsEmaIsWarm() {
        Opinion opinion = analyst.assess(context(
                calmBar(100),
                TestMarket.cold().build(),
                List.of(pattern(PatternType.HEAD_AND_SHOULDERS, Direction.BEARISH, 0.5, 101))));

        // 0.6 * (0.8 * 0.5 + 0.2 * 0.5)
        assertThat(opinion.stance()).isEqualTo(Stance.BEARISH);
        assertThat(opinion.confidence()).isEqualTo(0.30);
        assertThat(names(opinion)).containsExactly("BEAR_HEAD_AND_SHOULDERS");
    }

    @Test
    void patternsBelowTheMinimumConfidenceAreIgnored() {
        ChartPatternAnalyst picky = new ChartPatternAnalyst(new ChartPatternConfig(0.6, 0.6));

        Opinion opinion = picky.assess(context(
                calmBar(100), warm().build(), List.of(pattern(PatternType.DOUBLE_TOP, Direction.BEARISH, 0.5, 101))));

        assertThat(opinion.stance()).isEqualTo(Stance.NEUTRAL);
        assertThat(names(opinion)).containsExactly("NO_PATTERN");
    }
}
