package dev.peregrine.monitor.application.port.in;

/** Whether an input was recorded now or had been recorded before (a redelivery). */
public enum Recording {
    NEW,
    DUPLICATE
}
