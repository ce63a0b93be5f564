package dev.peregrine.ingest.domain.quality;

import java.util.Objects;

/** One broken rule and what was seen, in words an operator can check against the source. */
public record QualityViolation(QualityRule rule, String evidence) {

    public QualityViolation {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(evidence, "evidence");
    }
}
