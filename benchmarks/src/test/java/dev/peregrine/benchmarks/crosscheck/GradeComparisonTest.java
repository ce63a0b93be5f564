package dev.peregrine.benchmarks.crosscheck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.peregrine.common.event.Grade;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class GradeComparisonTest {

    private static final Instant T = Instant.parse("2024-01-01T00:00:00Z");

    private static SignalReturn signal(int id, Grade grade, double bps) {
        return new SignalReturn(new UUID(0, id), "momentum", grade, T.plusSeconds(900L * id), bps);
    }

    @Test
    void perGradeFiguresAreCountHitsAndMeanWithZeroNoHit() {
        Map<Grade, GradeFigures> figures = GradeComparison.perGrade(List.of(
                signal(1, Grade.A, 10), signal(2, Grade.A, 0), signal(3, Grade.A, -4), signal(4, Grade.C, 2.5)));

        assertThat(figures.get(Grade.A)).isEqualTo(new GradeFigures(3, 1, 2.0));
        assertThat(figures.get(Grade.A).hitRate()).isEqualTo(1.0 / 3);
        assertThat(figures.get(Grade.C)).isEqualTo(new GradeFigures(1, 1, 2.5));
        assertThat(figures.get(Grade.B)).isEqualTo(GradeFigures.NONE);
    }

    @Test
    void sameSignalsWithinTheMonitorsRoundingAgree() {
        List<SignalReturn> report = List.of(signal(1, Grade.A, 12.345678912), signal(2, Grade.F, -3.0));
        List<SignalReturn> monitor = List.of(signal(2, Grade.F, -3.0), signal(1, Grade.A, 12.3457));
        Map<Grade, GradeFigures> api = new EnumMap<>(GradeComparison.perGrade(monitor));

        GradeComparison comparison = GradeComparison.of(report, monitor, api);

        assertThat(comparison.agrees()).as(comparison.render(10)).isTrue();
        assertThat(comparison.render(10)).contains("| A | 1 | 1 | 100.00 | 100.00 | +0.00 |");
    }

    @Test
    void aMissingSignalADifferentReturnAndADifferentGradeAreEachNamed() {
        List<SignalReturn> report = List.of(signal(1, Grade.A, 5), signal(2, Grade.B, 1), signal(3, Grade.C, 7));
        List<SignalReturn> monitor = List.of(signal(1, Grade.A, 5.01), signal(3, Grade.D, 7), signal(4, Grade.F, -1));

        GradeComparison comparison = GradeComparison.of(report, monitor, Map.of());

        assertThat(comparison.agrees()).isFalse();
        assertThat(comparison.gradesDiffering()).containsExactly(Grade.A, Grade.B, Grade.C, Grade.D, Grade.F);
        assertThat(comparison.signals())
                .extracting(GradeComparison.SignalDifference::what)
                .containsExactly(
                        "return differs by +0.0100 bps",
                        "measured by the report only",
                        "grade C vs D",
                        "measured by the monitor only");
    }

    @Test
    void theApisFiguresCountToo() {
        List<SignalReturn> both = List.of(signal(1, Grade.A, 5));
        Map<Grade, GradeFigures> api = new EnumMap<>(GradeComparison.perGrade(both));
        api.put(Grade.A, new GradeFigures(1, 0, -15.0)); // after a 0.2 % cost: 5 - 20 bps

        GradeComparison comparison = GradeComparison.of(both, both, api);

        assertThat(comparison.gradesDiffering()).containsExactly(Grade.A);
        assertThat(comparison.signals()).isEmpty();
    }

    @Test
    void theDatabaseIsReplacedInAJdbcUrl() {
        assertThat(PrivateDatabase.withDatabase("jdbc:postgresql://localhost:5432/postgres?user=postgres", "x"))
                .isEqualTo("jdbc:postgresql://localhost:5432/x?user=postgres");
        assertThat(PrivateDatabase.withDatabase("jdbc:postgresql://db:5432/peregrine", "x"))
                .isEqualTo("jdbc:postgresql://db:5432/x");
    }

    @Test
    void candlesMayBeGivenWithASpace() {
        assertThat(MonitorCrossCheck.parse("BTCUSDT-15m.csv.gz", "--candles", "2000")
                        .orElseThrow()
                        .candles())
                .isEqualTo(2000);
        assertThat(MonitorCrossCheck.parse("BTCUSDT-15m.csv.gz", "--candles=300")
                        .orElseThrow()
                        .candles())
                .isEqualTo(300);
    }
}
