package dev.peregrine.common.event;

/** Range checks shared by events. */
final class Ranges {

    private Ranges() {}

    static void requireUnit(String what, double value) {
        if (!(value >= 0.0 && value <= 1.0)) {
            throw new IllegalArgumentException(what + " must be within 0..1: " + value);
        }
    }
}
