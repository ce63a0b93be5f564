package dev.peregrine.signal.domain.analyst;

import static dev.peregrine.signal.domain.analyst.TestMarket.calmBar;
import static dev.peregrine.signal.domain.analyst.TestMarket.context;
import static dev.peregrine.signal.domain.analyst.TestMarket.warm;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class AnalystPanelTest {

    private final AnalystPanel panel = AnalystPanel.withDefaults();

    @Test
    void asksTheFiveAnalystsInAFixedOrder() {
        assertThat(panel.ids())
                .containsExactly("momentum", "mean-reversion", "breakout", "order-flow", "chart-patterns");
        assertThat(panel.analysts()).extracting(Analyst::id).isEqualTo(panel.ids());

        List<Opinion> opinions = panel.assess(context(
                calmBar(100),
                warm().emas(99.9, 100, 100.2, 100)
                        .histogram(0.2, 0.5)
                        .adx(30, 25, 15)
                        .build()));

        assertThat(opinions).extracting(Opinion::analystId).isEqualTo(panel.ids());
        assertThat(opinions)
                .extracting(Opinion::stance)
                .containsExactly(Stance.BULLISH, Stance.NEUTRAL, Stance.NEUTRAL, Stance.NEUTRAL, Stance.NEUTRAL);
        assertThat(opinions.getFirst().confidence()).isEqualTo(0.85);
    }

    @Test
    void theSameContextGivesTheSameOpinions() {
        MarketContext context = context(
                calmBar(100), warm().percentB(-0.1).rsi(20, 24).adx(15, 20, 20).build());

        assertThat(panel.assess(context)).isEqualTo(panel.assess(context));
    }

    @Test
    void everyArgumentNameEitherLeansOrIsContext() {
        MarketContext context = context(
                calmBar(100),
                warm().emas(99.9, 100, 100.2, 100)
                        .histogram(0.5, 0.3)
                        .adx(15, 18, 20)
                        .build());

        Opinion momentum = panel.assess(context).getFirst();

        assertThat(momentum.arguments())
                .extracting(Arguments::lean)
                .containsExactly(Stance.BULLISH, Stance.BULLISH, Stance.BEARISH, Stance.BEARISH, Stance.BEARISH);
        assertThat(Arguments.lean(new Argument("WARMING_UP", 1, 0, "x"))).isEqualTo(Stance.NEUTRAL);
    }
}
