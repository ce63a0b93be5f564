package dev.peregrine.risk.domain.correlation;

import static dev.peregrine.risk.domain.correlation.TestSeries.closes;
import static dev.peregrine.risk.domain.correlation.TestSeries.day;
import static dev.peregrine.risk.domain.correlation.TestSeries.fromLogReturnsInPercent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import dev.peregrine.common.value.Symbol;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class CorrelationGrouperTest {

    private static final Symbol A = Symbol.of("AAAUSDT");
    private static final Symbol B = Symbol.of("BBBUSDT");
    private static final Symbol C = Symbol.of("CCCUSDT");
    private static final Symbol D = Symbol.of("DDDUSDT");
    private static final Symbol E = Symbol.of("EEEUSDT");

    /** Four returns ending on day 4; groups apply from day 5. */
    private static final LocalDate COMPUTED_FOR = day(5);

    /*
     * Returns in % with mean 0: x = [1, -1, 1, -1], z = [1, 1, -1, -1], w = [1, -1, -1, 1] are pairwise orthogonal
     * (x.z = 1 - 1 - 1 + 1 = 0, x.w = 0, z.w = 0) with equal norms |x| = |z| = |w| = 2, so their correlations are 0.
     * A follows x, C follows z and B follows x + z = [2, 0, 0, -2] (|x + z| = sqrt(8)):
     * corr(A, B) = x.(x + z) / (|x| |x + z|) = 4 / (2 sqrt 8) = 1 / sqrt 2 = 0.7071..., likewise corr(B, C);
     * corr(A, C) = 0; D follows w and is uncorrelated with all of them.
     */
    private static final Map<Symbol, SortedMap<LocalDate, Double>> CHAIN = Map.of(
            A, fromLogReturnsInPercent(1, -1, 1, -1),
            B, fromLogReturnsInPercent(2, 0, 0, -2),
            C, fromLogReturnsInPercent(1, 1, -1, -1),
            D, fromLogReturnsInPercent(1, -1, -1, 1));

    private static CorrelationGroupsPolicy policy(double threshold, Map<String, Set<Symbol>> configured) {
        return CorrelationGroupsPolicy.of(4, 3, threshold, configured);
    }

    private static SortedSet<Symbol> members(Symbol... symbols) {
        return new TreeSet<>(List.of(symbols));
    }

    @Test
    void linksSymbolsTransitivelyIntoOneGroupAndShowsTheLinks() {
        CorrelationGroups groups = CorrelationGrouper.compute(CHAIN, COMPUTED_FOR, policy(0.7, Map.of()));

        assertThat(groups.computedFor()).isEqualTo(COMPUTED_FOR);
        assertThat(groups.groups())
                .extracting(CorrelationGroup::name, CorrelationGroup::members)
                .containsExactly(tuple("corr-AAAUSDT", Set.of(A, B, C)), tuple("corr-DDDUSDT", Set.of(D)));
        CorrelationGroup chain = groups.groupOf(C);
        assertThat(chain.configured()).isFalse();
        assertThat(chain.links())
                .extracting(PairCorrelation::first, PairCorrelation::second)
                .containsExactly(tuple(A, B), tuple(B, C));
        assertThat(chain.links()).allSatisfy(link -> {
            assertThat(link.correlation()).isCloseTo(1 / Math.sqrt(2), within(1e-9));
            assertThat(link.commonReturns()).isEqualTo(4);
        });
        assertThat(groups.groupOf(A)).isSameAs(chain);
        assertThat(groups.groupOf(D).links()).isEmpty();
    }

    @Test
    void aThresholdAboveTheLinksLeavesSingletons() {
        CorrelationGroups groups = CorrelationGrouper.compute(CHAIN, COMPUTED_FOR, policy(0.75, Map.of()));

        assertThat(groups.groups())
                .extracting(CorrelationGroup::name)
                .containsExactly("corr-AAAUSDT", "corr-BBBUSDT", "corr-CCCUSDT", "corr-DDDUSDT");
        assertThat(groups.groups())
                .allSatisfy(group -> assertThat(group.members()).hasSize(1));
    }

    @Test
    void configuredGroupsOverrideTheDataAndDoNotBridgeComputedOnes() {
        // B would link A and C; configured with E (never seen) it leaves A and C apart; D joins A by configuration
        CorrelationGroups groups = CorrelationGrouper.compute(
                CHAIN, COMPUTED_FOR, policy(0.7, Map.of("majors", Set.of(B, E), "alts", Set.of(D))));

        assertThat(groups.groups())
                .extracting(CorrelationGroup::name, CorrelationGroup::members, CorrelationGroup::configured)
                .containsExactly(
                        tuple("alts", Set.of(D), true),
                        tuple("corr-AAAUSDT", Set.of(A), false),
                        tuple("corr-CCCUSDT", Set.of(C), false),
                        tuple("majors", Set.of(B, E), true));
        assertThat(groups.groupOf(E).name()).isEqualTo("majors");
        assertThat(groups.groupOf(B).links()).isEmpty();
        assertThat(groups.group("corr-AAAUSDT").orElseThrow().links()).isEmpty();
    }

    @Test
    void tooFewCommonReturnsLeaveSingletonsEvenForIdenticalSeries() {
        // two returns each, three needed
        Map<Symbol, SortedMap<LocalDate, Double>> closes =
                Map.of(A, fromLogReturnsInPercent(1, 2), B, fromLogReturnsInPercent(1, 2));

        CorrelationGroups groups = CorrelationGrouper.compute(closes, day(3), policy(0.7, Map.of()));

        assertThat(groups.groups()).extracting(CorrelationGroup::members).containsExactly(members(A), members(B));
    }

    @Test
    void aSymbolNeverSeenIsItsOwnGroup() {
        CorrelationGroups groups = CorrelationGrouper.compute(Map.of(), COMPUTED_FOR, policy(0.7, Map.of()));

        CorrelationGroup group = groups.groupOf(E);
        assertThat(group.name()).isEqualTo("corr-EEEUSDT");
        assertThat(group.members()).containsExactly(E);
        assertThat(group.configured()).isFalse();
        assertThat(groups.groups()).isEmpty();
    }

    @Test
    void perfectlyCorrelatedSeriesReachAThresholdOfOneButAntiCorrelatedDoNot() {
        double[] a = {100, 103, 99, 104, 108};
        double[] doubled = new double[a.length];
        double[] inverse = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            doubled[i] = 2.1 * a[i];
            inverse[i] = 1 / a[i];
        }
        Map<Symbol, SortedMap<LocalDate, Double>> closes = Map.of(A, closes(a), B, closes(doubled), C, closes(inverse));

        CorrelationGroups groups = CorrelationGrouper.compute(closes, COMPUTED_FOR, policy(1, Map.of()));

        assertThat(groups.groups()).extracting(CorrelationGroup::members).containsExactly(members(A, B), members(C));
    }

    @Test
    void theDailyComputationLeavesOutTheIncompleteDay() {
        // perfectly correlated on days 1..4; on day 5, still running, they part ways
        SortedMap<LocalDate, Double> a = new TreeMap<>(fromLogReturnsInPercent(1, 2, 3, 4));
        SortedMap<LocalDate, Double> b = new TreeMap<>(fromLogReturnsInPercent(1, 2, 3, 4));
        a.put(day(5), a.get(day(4)) * 1.5);
        b.put(day(5), b.get(day(4)) / 1.5);

        CorrelationGroups today = CorrelationGrouper.compute(Map.of(A, a, B, b), day(5), policy(0.99, Map.of()));
        CorrelationMatrix includingDayFive = CorrelationMatrix.compute(Map.of(A, a, B, b), day(5), 4, 3);

        assertThat(today.groupOf(A).members()).containsExactly(A, B);
        assertThat(includingDayFive.correlation(A, B).orElseThrow()).isLessThan(0.99);
    }

    @Test
    void groupsAreTheSameWhateverTheOrderOfTheInput() {
        Map<Symbol, SortedMap<LocalDate, Double>> reversed = new TreeMap<>(Comparator.reverseOrder());
        reversed.putAll(CHAIN);

        CorrelationGroups one = CorrelationGrouper.compute(CHAIN, COMPUTED_FOR, policy(0.7, Map.of()));
        CorrelationGroups other = CorrelationGrouper.compute(reversed, COMPUTED_FOR, policy(0.7, Map.of()));

        assertThat(other.groups()).isEqualTo(one.groups());
    }
}
