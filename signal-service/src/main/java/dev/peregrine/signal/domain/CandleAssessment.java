package dev.peregrine.signal.domain;

import dev.peregrine.signal.domain.consensus.DebateRecord;
import dev.peregrine.signal.domain.regime.Regime;
import java.util.List;
import java.util.Objects;

/**
 * What the panel made of one closed candle: every analyst's seat (all five, paused ones included), the debate
 * (consensus, both cases, verdict) and one validation per directional opinion, in the panel's order.
 */
public record CandleAssessment(
        Regime regime, List<PanelSeat> seats, DebateRecord debate, List<SignalValidation> validations) {

    public CandleAssessment {
        Objects.requireNonNull(regime, "regime");
        seats = List.copyOf(Objects.requireNonNull(seats, "seats"));
        Objects.requireNonNull(debate, "debate");
        validations = List.copyOf(Objects.requireNonNull(validations, "validations"));
    }

    /** Whether any analyst, paused or not, took a side: only then is there a signal and a debate worth keeping. */
    public boolean hasCandidates() {
        return !validations.isEmpty();
    }

    /** The seat of {@code analystId}. */
    public PanelSeat seat(String analystId) {
        for (PanelSeat seat : seats) {
            if (seat.analystId().equals(analystId)) {
                return seat;
            }
        }
        throw new IllegalArgumentException("no analyst " + analystId + " on this panel");
    }
}
