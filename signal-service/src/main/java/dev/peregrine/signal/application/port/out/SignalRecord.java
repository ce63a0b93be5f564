package dev.peregrine.signal.application.port.out;

import dev.peregrine.common.event.SignalValidated;
import dev.peregrine.signal.domain.PanelSeat;
import dev.peregrine.signal.domain.SignalValidation;

import java.util.Objects;

/**
 * One validated signal as stored: the published event, the validation it was made from (with the numbers
 * behind its strength) and the analyst's seat on the panel (opinion and weights).
 */
public record SignalRecord(SignalValidated signal, SignalValidation validation, PanelSeat seat) {

    public SignalRecord {
        Objects.requireNonNull(signal, "signal");
        Objects.requireNonNull(validation, "validation");
        Objects.requireNonNull(seat, "seat");
        if (!signal.strategyId().equals(seat.analystId()) || !signal.strategyId().equals(validation.analystId())) {
            throw new IllegalArgumentException("signal of " + signal.strategyId() + " with the seat of " + seat.analystId()
                    + " and the validation of " + validation.analystId());
        }
    }
}
