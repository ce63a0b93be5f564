package dev.peregrine.ingest.domain.quality;

import java.util.ArrayList;
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
        // Loops rather than streams: this runs for every candle, and most have no violation at all.
        if (violations.isEmpty()) {
            return List.of();
        }
        List<String> names = new ArrayList<>(violations.size());
        for (QualityViolation violation : violations) {
            if (!violation.rule().refusesCandle()) {
                names.add(violation.rule().name());
            }
        }
        return List.copyOf(names);
    }

    /** The duplicate or out-of-order violation that keeps the candle from being published, if any. */
    public Optional<QualityViolation> refusal() {
        for (QualityViolation violation : violations) {
            if (violation.rule().refusesCandle()) {
                return Optional.of(violation);
            }
        }
        return Optional.empty();
    }

    public boolean has(QualityRule rule) {
        return violations.stream().anyMatch(v -> v.rule() == rule);
    }

    public List<QualityRule> rules() {
        return violations.stream().map(QualityViolation::rule).toList();
    }
}
