package dev.peregrine.signal.domain.analyst;

/**
 * Thresholds of the {@link OrderFlowAnalyst}.
 *
 * @param minImbalance  taker-buy ratio distance from 0.5 that counts as one-sided flow (0.05: ratio >= 0.55 is
 *                      aggressive buying, <= 0.45 aggressive selling); default 0.05
 * @param fullImbalance distance from 0.5 at which the imbalance sub-score reaches 1; default 0.15
 * @param spikeZ        volume z-score of a volume spike; default 2.0
 * @param minPriceMove  relative price change over the lookback that an OBV divergence must go against; default
 *                      0.01 (1 %)
 * @param minObvFlow    OBV flow (OBV change / volume over the lookback, -1..1) that counts as buying or selling
 *                      pressure; default 0.10
 * @param fullObvFlow   OBV flow at which the divergence sub-score reaches 1; default 0.30
 */
public record OrderFlowConfig(
        double minImbalance,
        double fullImbalance,
        double spikeZ,
        double minPriceMove,
        double minObvFlow,
        double fullObvFlow) {

    public OrderFlowConfig {
        if (!(minImbalance > 0 && minImbalance < fullImbalance && fullImbalance <= 0.5)) {
            throw new IllegalArgumentException(
                    "order flow needs 0 < minImbalance < fullImbalance <= 0.5: " + minImbalance + ", " + fullImbalance);
        }
        if (!(spikeZ > 1 && Double.isFinite(spikeZ))) {
            throw new IllegalArgumentException("order flow spikeZ must be above 1: " + spikeZ);
        }
        if (!(minPriceMove > 0 && minPriceMove < 1)) {
            throw new IllegalArgumentException("order flow minPriceMove must be within (0, 1): " + minPriceMove);
        }
        if (!(minObvFlow > 0 && minObvFlow < fullObvFlow && fullObvFlow <= 1)) {
            throw new IllegalArgumentException(
                    "order flow needs 0 < minObvFlow < fullObvFlow <= 1: " + minObvFlow + ", " + fullObvFlow);
        }
    }

    public static OrderFlowConfig defaults() {
        return new OrderFlowConfig(0.05, 0.15, 2.0, 0.01, 0.10, 0.30);
    }
}
