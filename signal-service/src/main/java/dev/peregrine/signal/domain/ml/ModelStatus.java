package dev.peregrine.signal.domain.ml;

/** A registered model's place: uploaded and waiting, the one in use, or no longer in use. */
public enum ModelStatus {
    CANDIDATE,
    ACTIVE,
    RETIRED
}
