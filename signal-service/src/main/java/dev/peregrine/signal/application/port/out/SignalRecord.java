package dev.peregrine.signal.application.port.out;

import dev.peregrine.common.event.SignalValidated;
import dev.peregrine.signal.domain.IndicatorSnapshot;

import java.time.Instant;
import java.util.Objects;

/** A validated signal as stored: the published event plus the indicator values it was computed from. */
public record SignalRecord(SignalValidated signal, IndicatorSnapshot indicators, Instant createdAt) {

    public SignalRecord {
        Objects.requireNonNull(signal, "signal");
        Objects.requireNonNull(indicators, "indicators");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
