package dev.peregrine.signal.domain.pattern;

/**
 * The recognised chart patterns. {@link #family()} groups the types that describe the same formation in
 * different ways: the three triangle types share one family, so one set of swings is reported as a
 * triangle at most once whichever way its lines lean.
 */
public enum PatternType {
    DOUBLE_TOP("double top"),
    DOUBLE_BOTTOM("double bottom"),
    HEAD_AND_SHOULDERS("head and shoulders"),
    INVERSE_HEAD_AND_SHOULDERS("inverse head and shoulders"),
    ASCENDING_TRIANGLE("ascending triangle"),
    DESCENDING_TRIANGLE("descending triangle"),
    SYMMETRIC_TRIANGLE("symmetric triangle");

    private final String label;

    PatternType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public String family() {
        return switch (this) {
            case ASCENDING_TRIANGLE, DESCENDING_TRIANGLE, SYMMETRIC_TRIANGLE -> "TRIANGLE";
            default -> name();
        };
    }
}
