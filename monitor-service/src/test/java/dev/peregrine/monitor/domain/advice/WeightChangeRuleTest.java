package dev.peregrine.monitor.domain.advice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.peregrine.monitor.domain.degradation.WeightAdvice;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class WeightChangeRuleTest {

    private static final Instant NOW = Instant.parse("2024-05-01T12:00:00Z");
    private static final Instant SINCE = NOW.minus(Duration.ofDays(30));
    private static final Duration H4 = Duration.ofHours(4);

    private final AtomicLong sequence = new AtomicLong();
    private final Supplier<UUID> ids = () -> new UUID(0, sequence.incrementAndGet());
    private final WeightChangeRule rule = new WeightChangeRule(0.05);

    @Test
    void adviceNeverSentIsSentAndAChangeBeyondTheToleranceIsSentAgain() {
        List<WeightChange> changes = rule.changes(
                List.of(measured("new", 0.42), measured("moved", 0.30), measured("still", 0.50)),
                Map.of("moved", 0.40, "still", 0.46),
                H4,
                SINCE,
                NOW,
                ids);

        assertThat(changes).extracting(WeightChange::strategyId).containsExactly("new", "moved");
        WeightChange first = changes.getFirst();
        assertThat(first.previous()).isEmpty();
        assertThat(first.weight()).isEqualTo(0.42);
        assertThat(first.decidedAt()).isEqualTo(NOW);
        assertThat(first.changeId()).isEqualTo(new UUID(0, 1));
        assertThat(changes.get(1).previous()).hasValue(0.40);
        assertThat(changes.get(1).weight()).isEqualTo(0.30);
    }

    @Test
    void aChangeOfExactlyTheToleranceIsNotSent() {
        assertThat(rule.changes(List.of(measured("a", 0.45)), Map.of("a", 0.50), H4, SINCE, NOW, ids))
                .isEmpty();
        assertThat(rule.changes(List.of(measured("a", 0.55)), Map.of("a", 0.50), H4, SINCE, NOW, ids))
                .isEmpty();
        assertThat(rule.changes(List.of(measured("a", 0.4499)), Map.of("a", 0.50), H4, SINCE, NOW, ids))
                .hasSize(1);
    }

    @Test
    void theNeutralWeightOfATooSmallSampleIsNeverSent() {
        WeightAdvice thin =
                new WeightAdvice("thin", 1.0, WeightAdvice.Basis.INSUFFICIENT_SAMPLE, 12, 0.01, Double.NaN, Double.NaN);
        assertThat(rule.changes(List.of(thin), Map.of("thin", 0.2), H4, SINCE, NOW, ids))
                .isEmpty();
        assertThat(rule.changes(List.of(thin), Map.of(), H4, SINCE, NOW, ids)).isEmpty();
    }

    @Test
    void theWeightIsRoundedToFourDecimalsAndTheReasonCarriesTheEvidence() {
        WeightAdvice advice =
                new WeightAdvice("momentum", 0.123456789, WeightAdvice.Basis.MEASURED, 120, 0.0015, 0.00106, 0.000247);
        WeightChange change = rule.changes(List.of(advice), Map.of("momentum", 1.0), H4, SINCE, NOW, ids)
                .getFirst();

        assertThat(change.weight()).isEqualTo(0.1235);
        assertThat(change.reason())
                .isEqualTo("weight advice auto-applied: 1.0000 -> 0.1235; MEASURED outcomes at PT4H"
                        + " since 2024-04-01T12:00:00Z: n=120, mean 0.00150, shrunk mean 0.00106, lower bound 0.00025");
        assertThat(rule.changes(List.of(advice), Map.of(), H4, null, NOW, ids)
                        .getFirst()
                        .reason())
                .startsWith("weight advice auto-applied: none sent before -> 0.1235; MEASURED outcomes at PT4H: n=120");
    }

    @Test
    void aZeroToleranceSendsEveryChangeAndNothingWhenTheWeightIsTheSame() {
        WeightChangeRule exact = new WeightChangeRule(0);
        assertThat(exact.changes(List.of(measured("a", 0.5)), Map.of("a", 0.5), H4, SINCE, NOW, ids))
                .isEmpty();
        assertThat(exact.changes(List.of(measured("a", 0.5001)), Map.of("a", 0.5), H4, SINCE, NOW, ids))
                .hasSize(1);
    }

    @Test
    void refusesAToleranceOutsideZeroToOne() {
        assertThatThrownBy(() -> new WeightChangeRule(-0.01)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WeightChangeRule(1)).isInstanceOf(IllegalArgumentException.class);
    }

    private static WeightAdvice measured(String strategy, double weight) {
        return new WeightAdvice(strategy, weight, WeightAdvice.Basis.MEASURED, 100, 0.001, 0.0007, weight * 0.002);
    }
}
