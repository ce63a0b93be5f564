package dev.peregrine.signal.domain.analyst;

import java.util.List;
import java.util.Objects;

/**
 * The five analysts, asked in a fixed order: {@value MomentumAnalyst#ID}, {@value MeanReversionAnalyst#ID},
 * {@value BreakoutAnalyst#ID}, {@value OrderFlowAnalyst#ID}, {@value ChartPatternAnalyst#ID}. The order is
 * part of the contract: opinions, stored debates and metrics list them the same way on every candle. The
 * analysts are pure and hold only their configuration, so one panel serves every series and thread.
 */
public final class AnalystPanel {

    private final MomentumAnalyst momentum;
    private final MeanReversionAnalyst meanReversion;
    private final BreakoutAnalyst breakout;
    private final OrderFlowAnalyst orderFlow;
    private final ChartPatternAnalyst chartPatterns;
    private final List<Analyst> analysts;
    private final List<String> ids;

    public AnalystPanel(MomentumConfig momentum, MeanReversionConfig meanReversion, BreakoutConfig breakout,
                        OrderFlowConfig orderFlow, ChartPatternConfig chartPatterns) {
        this.momentum = new MomentumAnalyst(Objects.requireNonNull(momentum, "momentum"));
        this.meanReversion = new MeanReversionAnalyst(Objects.requireNonNull(meanReversion, "meanReversion"));
        this.breakout = new BreakoutAnalyst(Objects.requireNonNull(breakout, "breakout"));
        this.orderFlow = new OrderFlowAnalyst(Objects.requireNonNull(orderFlow, "orderFlow"));
        this.chartPatterns = new ChartPatternAnalyst(Objects.requireNonNull(chartPatterns, "chartPatterns"));
        this.analysts = List.of(this.momentum, this.meanReversion, this.breakout, this.orderFlow, this.chartPatterns);
        this.ids = List.of(MomentumAnalyst.ID, MeanReversionAnalyst.ID, BreakoutAnalyst.ID, OrderFlowAnalyst.ID,
                ChartPatternAnalyst.ID);
    }

    public static AnalystPanel withDefaults() {
        return new AnalystPanel(MomentumConfig.defaults(), MeanReversionConfig.defaults(), BreakoutConfig.defaults(),
                OrderFlowConfig.defaults(), ChartPatternConfig.defaults());
    }

    /** The five opinions on one candle, in the panel's order. */
    public List<Opinion> assess(MarketContext context) {
        Objects.requireNonNull(context, "context");
        return List.of(momentum.assess(context), meanReversion.assess(context), breakout.assess(context),
                orderFlow.assess(context), chartPatterns.assess(context));
    }

    /** The analysts in the panel's order. */
    public List<Analyst> analysts() {
        return analysts;
    }

    /** Their ids in the panel's order, which are also the strategy ids in the registry. */
    public List<String> ids() {
        return ids;
    }
}
