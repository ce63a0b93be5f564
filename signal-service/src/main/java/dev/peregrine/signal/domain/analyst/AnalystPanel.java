package dev.peregrine.signal.domain.analyst;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The analysts, asked in a fixed order. The standard panel is {@value MomentumAnalyst#ID},
 * {@value MeanReversionAnalyst#ID}, {@value BreakoutAnalyst#ID}, {@value OrderFlowAnalyst#ID},
 * {@value ChartPatternAnalyst#ID}; an added analyst ({@link #plus}) sits after them. The order is part of the
 * contract: opinions, stored debates and metrics list them the same way on every candle. The analysts are pure and
 * hold only their configuration, so one panel serves every series and thread.
 */
public final class AnalystPanel {

    private final List<Analyst> analysts;
    private final List<String> ids;

    /** A panel of these analysts, in this order; their ids must be distinct. */
    public AnalystPanel(List<Analyst> analysts) {
        this.analysts = List.copyOf(Objects.requireNonNull(analysts, "analysts"));
        if (this.analysts.isEmpty()) {
            throw new IllegalArgumentException("an analyst panel needs at least one analyst");
        }
        Set<String> seen = new HashSet<>();
        for (Analyst analyst : this.analysts) {
            String id = analyst.id();
            if (id == null || id.isBlank()) {
                throw new IllegalArgumentException(analyst.getClass().getName() + " has no id");
            }
            if (!seen.add(id)) {
                throw new IllegalArgumentException("two analysts of the panel share the id '" + id
                        + "': an id is also a strategy id in the registry, give the new analyst its own");
            }
        }
        this.ids = this.analysts.stream().map(Analyst::id).toList();
    }

    /** The standard five analysts with these configurations. */
    public AnalystPanel(
            MomentumConfig momentum,
            MeanReversionConfig meanReversion,
            BreakoutConfig breakout,
            OrderFlowConfig orderFlow,
            ChartPatternConfig chartPatterns) {
        this(List.of(
                new MomentumAnalyst(Objects.requireNonNull(momentum, "momentum")),
                new MeanReversionAnalyst(Objects.requireNonNull(meanReversion, "meanReversion")),
                new BreakoutAnalyst(Objects.requireNonNull(breakout, "breakout")),
                new OrderFlowAnalyst(Objects.requireNonNull(orderFlow, "orderFlow")),
                new ChartPatternAnalyst(Objects.requireNonNull(chartPatterns, "chartPatterns"))));
    }

    public static AnalystPanel withDefaults() {
        return new AnalystPanel(
                MomentumConfig.defaults(),
                MeanReversionConfig.defaults(),
                BreakoutConfig.defaults(),
                OrderFlowConfig.defaults(),
                ChartPatternConfig.defaults());
    }

    /** This panel with {@code added} asked last (docs/architecture.md, "Adding an analyst"). */
    public AnalystPanel plus(List<? extends Analyst> added) {
        List<Analyst> all = new ArrayList<>(analysts);
        all.addAll(Objects.requireNonNull(added, "added"));
        return new AnalystPanel(all);
    }

    /** The opinions on one candle, in the panel's order. */
    public List<Opinion> assess(MarketContext context) {
        Objects.requireNonNull(context, "context");
        List<Opinion> opinions = new ArrayList<>(analysts.size());
        for (Analyst analyst : analysts) {
            Opinion opinion = Objects.requireNonNull(analyst.assess(context), analyst.id() + " gave no opinion");
            if (!opinion.analystId().equals(analyst.id())) {
                // Votes are weighted, paused and stored under the opinion's id: one signing for another would be wrong.
                throw new IllegalStateException(
                        "analyst '" + analyst.id() + "' signed its opinion as '" + opinion.analystId() + "'");
            }
            opinions.add(opinion);
        }
        return List.copyOf(opinions);
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
