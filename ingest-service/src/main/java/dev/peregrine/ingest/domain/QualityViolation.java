package dev.peregrine.ingest.domain;

import java.util.Objects;

/** One broken rule and what was seen, in words an operator can check against the source. */
public record QualityViolation(QualityFlag flag, String evidence) {

    public QualityViolation {
        Objects.requireNonNull(flag, "flag");
        Objects.requireNonNull(evidence, "evidence");
    }
}
