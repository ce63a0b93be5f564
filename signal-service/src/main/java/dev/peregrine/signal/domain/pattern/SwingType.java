package dev.peregrine.signal.domain.pattern;

/** Whether a swing point is a local high (peak) or a local low (trough). */
public enum SwingType {
    HIGH,
    LOW;

    public SwingType opposite() {
        return this == HIGH ? LOW : HIGH;
    }
}
