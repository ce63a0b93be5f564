package dev.peregrine.signal.domain.analyst;

import static dev.peregrine.signal.domain.analyst.Scores.ramp;

import dev.peregrine.signal.domain.indicator.IndicatorValues;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Reads who is pushing: the taker-buy ratio of the candle ({@code takerBuyBaseVolume / volume}, 0.5 = balanced),
 * volume spikes, and OBV against price over the {@link SeriesFeatures} lookback.
 *
 * <h2>Votes (none: NEUTRAL)</h2>
 * <ul>
 *   <li>Aggressive flow: a volume spike ({@code z >= spikeZ}) whose taker-buy ratio is one-sided
 *       ({@code >= 0.5 + minImbalance} BULLISH, {@code <= 0.5 - minImbalance} BEARISH).</li>
 *   <li>OBV divergence: price fell by at least {@code minPriceMove} over the lookback while the OBV flow
 *       ({@code obvChange / volumeSum}) is at least {@code +minObvFlow} (BULLISH: volume accumulates on the up
 *       bars of a falling market), or the mirror (BEARISH).</li>
 * </ul>
 * One vote, or two that agree, set the stance; two that disagree give NEUTRAL with {@code CONFLICTING_FLOW}.
 * A taker-buy volume of 0 (or above the volume) is read as missing taker data, which sources such as plain
 * OHLCV files leave at 0, never as 100 % selling: the taker part then says nothing ({@code TAKER_DATA_MISSING}).
 *
 * <h2>Confidence</h2>
 * With {@code d = +1} for BULLISH and {@code -1} for BEARISH, r the taker-buy ratio, f the OBV flow:
 * <pre>
 *   imbalance  i = ramp(d * (r - 0.5), 0 -> fullImbalance)            (0 when taker data is missing)
 *   spike      s = ramp(volume z, spikeZ - 1 -> spikeZ + 1)           (0.5 at the spike threshold)
 *   divergence g = ramp(d * f, 0 -> fullObvFlow) if the divergence vote is d, else 0
 *   confidence = 0.20 + 0.30 i + 0.20 s + 0.30 g
 * </pre>
 *
 * <h2>Arguments</h2>
 * {@code BULL_TAKER_BUYING}/{@code BEAR_TAKER_SELLING} whenever the ratio is one-sided, {@code *_VOLUME_SPIKE}
 * with the aggressive-flow vote, {@code BULL_OBV_DIVERGENCE}/{@code BEAR_OBV_DIVERGENCE}, and otherwise, when
 * the OBV flow is beyond {@code minObvFlow}, {@code BULL_OBV_INFLOW}/{@code BEAR_OBV_OUTFLOW} (for or against
 * the stance). Needs a warm volume z-score and the lookback's close change, OBV change and volume sum.
 */
public final class OrderFlowAnalyst implements Analyst {

    public static final String ID = "order-flow";

    private static final Opinion NO_TRIGGER = Opinion.neutral(
            ID, List.of(new Argument("NO_TRIGGER", 0, 0, "no one-sided volume spike and no OBV divergence")));
    private static final double BALANCED = 0.5;

    private final OrderFlowConfig config;

    public OrderFlowAnalyst(OrderFlowConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    public static OrderFlowAnalyst withDefaults() {
        return new OrderFlowAnalyst(OrderFlowConfig.defaults());
    }

    @Override
    public String id() {
        return ID;
    }

    public OrderFlowConfig config() {
        return config;
    }

    @Override
    public Opinion assess(MarketContext context) {
        IndicatorValues v = context.indicators();
        SeriesFeatures features = context.features();
        WarmUp warmUp = new WarmUp()
                .need(v.volumeZScore(), "volume z-score")
                .need(features.closeChange(), "close change over the lookback")
                .need(features.obvChange(), "OBV change over the lookback")
                .need(features.volumeSum(), "volume over the lookback");
        if (!warmUp.ready()) {
            return warmUp.neutral(ID);
        }
        double close = v.close();
        double volumeZ = v.volumeZScore().getAsDouble();
        double priceReturn = features.priceReturn(close).orElse(0);
        double flow = features.obvFlow().getAsDouble();
        double volume = context.bar().volume().doubleValue();
        double takerBuy = context.bar().takerBuyBaseVolume().doubleValue();
        boolean takerKnown = volume > 0 && takerBuy > 0 && takerBuy <= volume;
        double ratio = takerKnown ? takerBuy / volume : BALANCED;
        double imbalance = ratio - BALANCED;

        int aggressiveVote = 0;
        if (takerKnown && volumeZ >= config.spikeZ()) {
            aggressiveVote = imbalance >= config.minImbalance() ? 1 : imbalance <= -config.minImbalance() ? -1 : 0;
        }
        int divergenceVote = 0;
        if (priceReturn <= -config.minPriceMove() && flow >= config.minObvFlow()) {
            divergenceVote = 1;
        } else if (priceReturn >= config.minPriceMove() && flow <= -config.minObvFlow()) {
            divergenceVote = -1;
        }
        if (aggressiveVote == 0 && divergenceVote == 0) {
            return NO_TRIGGER;
        }

        List<Argument> arguments = new ArrayList<>(5);
        if (!takerKnown) {
            arguments.add(new Argument("TAKER_DATA_MISSING", takerBuy, 0, "the candle carries no taker-buy volume"));
        } else if (imbalance >= config.minImbalance()) {
            arguments.add(new Argument(
                    "BULL_TAKER_BUYING", ratio, BALANCED + config.minImbalance(), "takers bought most of the volume"));
        } else if (imbalance <= -config.minImbalance()) {
            arguments.add(new Argument(
                    "BEAR_TAKER_SELLING", ratio, BALANCED - config.minImbalance(), "takers sold most of the volume"));
        }
        if (divergenceVote > 0) {
            arguments.add(new Argument(
                    "BULL_OBV_DIVERGENCE",
                    flow,
                    config.minObvFlow(),
                    "price fell over the lookback while OBV rose: accumulation"));
        } else if (divergenceVote < 0) {
            arguments.add(new Argument(
                    "BEAR_OBV_DIVERGENCE",
                    flow,
                    -config.minObvFlow(),
                    "price rose over the lookback while OBV fell: distribution"));
        } else if (flow >= config.minObvFlow()) {
            arguments.add(new Argument(
                    "BULL_OBV_INFLOW",
                    flow,
                    config.minObvFlow(),
                    "OBV rose over the lookback: volume favours up bars"));
        } else if (flow <= -config.minObvFlow()) {
            arguments.add(new Argument(
                    "BEAR_OBV_OUTFLOW",
                    flow,
                    -config.minObvFlow(),
                    "OBV fell over the lookback: volume favours down bars"));
        }
        if (aggressiveVote != 0 && divergenceVote != 0 && aggressiveVote != divergenceVote) {
            arguments.add(new Argument(
                    "CONFLICTING_FLOW",
                    volumeZ,
                    config.spikeZ(),
                    "the volume spike's takers and the OBV divergence point opposite ways"));
            return Opinion.neutral(ID, arguments);
        }
        int d = aggressiveVote != 0 ? aggressiveVote : divergenceVote;
        Stance stance = d > 0 ? Stance.BULLISH : Stance.BEARISH;
        if (aggressiveVote != 0) {
            arguments.add(new Argument(
                    Arguments.named(stance, "VOLUME_SPIKE"),
                    volumeZ,
                    config.spikeZ(),
                    "a volume spike with one-sided takers"));
        }
        double imbalanceScore = takerKnown ? ramp(d * imbalance, 0, config.fullImbalance()) : 0;
        double spikeScore = ramp(volumeZ, config.spikeZ() - 1, config.spikeZ() + 1);
        double divergenceScore = divergenceVote == d ? ramp(d * flow, 0, config.fullObvFlow()) : 0;
        double confidence =
                Scores.confidence(0.20 + 0.30 * imbalanceScore + 0.20 * spikeScore + 0.30 * divergenceScore);
        return new Opinion(ID, stance, confidence, arguments);
    }
}
