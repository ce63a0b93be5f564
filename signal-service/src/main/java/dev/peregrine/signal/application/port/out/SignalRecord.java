package dev.peregrine.signal.application.port.out;

import dev.peregrine.common.event.SignalValidated;
import dev.peregrine.signal.domain.PanelSeat;
import dev.peregrine.signal.domain.SignalValidation;
import dev.peregrine.signal.domain.ml.MlScore;
import java.util.Objects;

/**
 * One validated signal as stored: the published event, the validation it was made from (with the numbers
 * behind its strength), the analyst's seat on the panel (opinion and weights) and the ML filter's score.
 */
public record SignalRecord(SignalValidated signal, SignalValidation validation, PanelSeat seat, MlScore ml) {

    /** A signal no model scored. */
    public SignalRecord(SignalValidated signal, SignalValidation validation, PanelSeat seat) {
        this(signal, validation, seat, MlScore.NO_MODEL);
    }

    public SignalRecord {
        Objects.requireNonNull(signal, "signal");
        Objects.requireNonNull(validation, "validation");
        Objects.requireNonNull(seat, "seat");
        Objects.requireNonNull(ml, "ml");
        if (!signal.strategyId().equals(seat.analystId())
                || !signal.strategyId().equals(validation.analystId())) {
            throw new IllegalArgumentException("signal of " + signal.strategyId() + " with the seat of "
                    + seat.analystId() + " and the validation of " + validation.analystId());
        }
    }
}
