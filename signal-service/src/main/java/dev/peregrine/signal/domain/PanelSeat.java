package dev.peregrine.signal.domain;

import dev.peregrine.signal.domain.analyst.Opinion;
import java.util.Objects;

/**
 * One analyst's place in a candle's panel: its opinion and where its weight came from.
 *
 * @param regimeWeight  the analyst's weight in the candle's regime ({@link dev.peregrine.signal.domain.regime.RegimeWeights})
 * @param runtimeWeight the registry's weight, 0-1
 * @param weight        effective weight = regimeWeight x runtimeWeight
 * @param paused        left out of the consensus and the debate when true
 */
public record PanelSeat(Opinion opinion, double regimeWeight, double runtimeWeight, double weight, boolean paused) {

    public PanelSeat {
        Objects.requireNonNull(opinion, "opinion");
    }

    public String analystId() {
        return opinion.analystId();
    }
}
