package dev.peregrine.signal.domain.analyst;

import static dev.peregrine.signal.domain.analyst.TestMarket.bar;
import static dev.peregrine.signal.domain.analyst.TestMarket.context;
import static dev.peregrine.signal.domain.analyst.TestMarket.features;
import static dev.peregrine.signal.domain.analyst.TestMarket.names;
import static dev.peregrine.signal.domain.analyst.TestMarket.warm;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.peregrine.signal.domain.regime.Regime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Close 100 in every case; the features are (close change, OBV change, volume) over 20 bars. */
class OrderFlowAnalystTest {

    private final OrderFlowAnalyst analyst = OrderFlowAnalyst.withDefaults();

    private Opinion assess(double volumeZ, double takerBuy, SeriesFeatures features) {
        return analyst.assess(context(
                bar(99.5, 100.5, 99, 100, 100, takerBuy),
                warm().volumeZScore(volumeZ).build(),
                features));
    }

    private static final SeriesFeatures QUIET = features(0.5, 100, 2000);

    @Test
    void aVolumeSpikeBoughtByTakersIsBullish() {
        Opinion opinion = assess(2.5, 62, QUIET);

        // 0.20 + 0.30 * ramp(0.12; 0 -> 0.15) = 0.24 + 0.20 * ramp(2.5; 1 -> 3) = 0.15 + 0.30 * 0
        assertThat(opinion.stance()).isEqualTo(Stance.BULLISH);
        assertThat(opinion.confidence()).isEqualTo(0.59);
        assertThat(names(opinion)).containsExactly("BULL_TAKER_BUYING", "BULL_VOLUME_SPIKE");
    }

    @Test
    void obvRisingWhilePriceFallsIsABullishDivergence() {
        // price 103 -> 100 (-2.9 %), OBV +400 of 2000 traded: flow 0.2
        Opinion opinion = assess(0.5, 50, features(-3, 400, 2000));

        // 0.20 + 0.30 * 0 (balanced takers) + 0.20 * 0 (no spike) + 0.30 * ramp(0.2; 0 -> 0.3)
        assertThat(opinion.stance()).isEqualTo(Stance.BULLISH);
        assertThat(opinion.confidence()).isEqualTo(0.40);
        assertThat(names(opinion)).containsExactly("BULL_OBV_DIVERGENCE");
        assertThat(opinion.arguments().getFirst().value()).isEqualTo(0.2);
    }

    @Test
    void obvFallingWhilePriceRisesIsABearishDivergence() {
        // price 97 -> 100 (+3.1 %), flow -0.3; takers sold 60 %
        Opinion opinion = assess(1.0, 40, features(3, -600, 2000));

        // 0.20 + 0.30 * ramp(0.10; 0 -> 0.15) + 0.20 * ramp(1; 1 -> 3) + 0.30 * 1
        assertThat(opinion.stance()).isEqualTo(Stance.BEARISH);
        assertThat(opinion.confidence()).isEqualTo(0.70);
        assertThat(names(opinion)).containsExactly("BEAR_TAKER_SELLING", "BEAR_OBV_DIVERGENCE");
    }

    @Test
    void priceAndObvMovingTogetherIsNoDivergence() {
        Opinion opinion = assess(0.5, 50, features(3, 600, 2000));

        assertThat(opinion.stance()).isEqualTo(Stance.NEUTRAL);
        assertThat(names(opinion)).containsExactly("NO_TRIGGER");
    }

    @Test
    void aBuyingSpikeAgainstABearishDivergenceIsNeutral() {
        Opinion opinion = assess(2.5, 62, features(3, -600, 2000));

        assertThat(opinion.stance()).isEqualTo(Stance.NEUTRAL);
        assertThat(names(opinion)).containsExactly("BULL_TAKER_BUYING", "BEAR_OBV_DIVERGENCE", "CONFLICTING_FLOW");
    }

    @Test
    void obvOutflowIsListedAgainstABuyingSpikeWithoutChangingItsConfidence() {
        Opinion opinion = assess(2.5, 62, features(0.2, -400, 2000));

        assertThat(opinion.stance()).isEqualTo(Stance.BULLISH);
        assertThat(opinion.confidence()).isEqualTo(0.59);
        assertThat(Arguments.against(opinion)).extracting(Argument::name).containsExactly("BEAR_OBV_OUTFLOW");
    }

    @Test
    void aSpikeWithBalancedTakersOrWithoutTakerDataIsNoVote() {
        assertThat(assess(3, 52, QUIET).stance()).isEqualTo(Stance.NEUTRAL);
        assertThat(assess(3, 0, QUIET).stance()).isEqualTo(Stance.NEUTRAL);

        Opinion divergenceWithoutTakers = assess(3, 0, features(-3, 400, 2000));
        assertThat(divergenceWithoutTakers.stance()).isEqualTo(Stance.BULLISH);
        assertThat(names(divergenceWithoutTakers)).containsExactly("TAKER_DATA_MISSING", "BULL_OBV_DIVERGENCE");
        // 0.20 + 0.30 * 0 + 0.20 * ramp(3; 1 -> 3) + 0.30 * 2/3
        assertThat(divergenceWithoutTakers.confidence()).isEqualTo(0.60);
    }

    @Test
    void staysNeutralUntilTheLookbackIsKnown() {
        var values = warm().volumeZScore(2.5).build();
        Opinion unknown = analyst.assess(new MarketContext(
                bar(99.5, 100.5, 99, 100, 100, 62), values, Regime.UNKNOWN, List.of(), SeriesFeatures.unknown(20)));

        assertThat(unknown.stance()).isEqualTo(Stance.NEUTRAL);
        assertThat(unknown.arguments()).singleElement().satisfies(a -> {
            assertThat(a.name()).isEqualTo("WARMING_UP");
            assertThat(a.value()).isEqualTo(3);
        });
    }

    @Test
    void configRejectsAnImbalanceRampThatDoesNotRise() {
        assertThatThrownBy(() -> new OrderFlowConfig(0.2, 0.1, 2, 0.01, 0.1, 0.3))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OrderFlowConfig(0.05, 0.15, 2, 0.01, 0.4, 0.3))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
