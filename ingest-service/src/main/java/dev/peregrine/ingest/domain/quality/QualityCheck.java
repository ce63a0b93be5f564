package dev.peregrine.ingest.domain.quality;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** What the candle rules found for one candle. */
public record QualityCheck(List<QualityViolation> violations) {

    public static final QualityCheck CLEAN = new QualityCheck(List.of());

    public QualityCheck {
        violations = List.copyOf(Objects.requireNonNull(violations, "violations"));
    }

    /** The flag names the published candle carries, in rule order. */
    public List<String> flagNames() {
        return violations.stream().filter(v -> !v.rule().refusesCandle()).map(v -> v.rule().name()).toList();
    }

    /** The duplicate or out-of-order violation that keeps the candle from being published, if any. */
    public Optional<QualityViolation> refusal() {
        return violations.stream().filter(v -> v.rule().refusesCandle()).findFirst();
    }

    public boolean has(QualityRule rule) {
        return violations.stream().anyMatch(v -> v.rule() == rule);
    }

    public List<QualityRule> rules() {
        return violations.stream().map(QualityViolation::rule).toList();
    }
}
