package dev.peregrine.ingest.domain;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** What {@link CandleQualityRules} found for one candle. */
public record QualityCheck(List<QualityViolation> violations) {

    public QualityCheck {
        violations = List.copyOf(Objects.requireNonNull(violations, "violations"));
    }

    /** The flag names the published candle carries, in rule order. */
    public List<String> flagNames() {
        return violations.stream().map(v -> v.flag().name()).toList();
    }

    /** The duplicate or out-of-order violation that keeps the candle from being published, if any. */
    public Optional<QualityViolation> refusal() {
        return violations.stream().filter(v -> v.flag().refusesCandle()).findFirst();
    }

    public boolean has(QualityFlag flag) {
        return violations.stream().anyMatch(v -> v.flag() == flag);
    }
}
