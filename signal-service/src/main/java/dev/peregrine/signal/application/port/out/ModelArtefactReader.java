package dev.peregrine.signal.application.port.out;

import dev.peregrine.signal.domain.ml.TreeEnsemble;

/** Reads a model artefact (XGBoost's JSON model format) into the tree ensemble the filter evaluates. */
public interface ModelArtefactReader {

    /** @throws IllegalArgumentException when the artefact is not a model this service can evaluate, saying why */
    TreeEnsemble read(String artefact);
}
