package dev.peregrine.signal.domain.consensus;

import dev.peregrine.signal.domain.analyst.Opinion;
import java.util.Objects;

/**
 * One analyst's say on a candle: its opinion, the weight the panel gives it and whether it is paused.
 *
 * @param weight effective weight, the regime weight times the registry's runtime weight; any finite value
 *               &gt;= 0 (only ratios between members matter). A weight of 0 is a muted analyst: it neither
 *               scores nor counts as agreeing.
 * @param paused paused analysts are left out of the consensus and the debate; their opinions are still
 *               validated and recorded, never traded
 */
public record PanelMember(Opinion opinion, double weight, boolean paused) {

    public PanelMember {
        Objects.requireNonNull(opinion, "opinion");
        if (!(weight >= 0.0) || !Double.isFinite(weight)) {
            throw new IllegalArgumentException(
                    "weight of " + opinion.analystId() + " must be finite and >= 0: " + weight);
        }
    }

    public String analystId() {
        return opinion.analystId();
    }

    /** Whether this member's opinion counts: not paused and not muted. */
    public boolean votes() {
        return !paused && weight > 0.0;
    }
}
