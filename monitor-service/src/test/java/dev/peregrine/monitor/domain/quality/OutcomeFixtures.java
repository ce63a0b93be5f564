package dev.peregrine.monitor.domain.quality;

import dev.peregrine.common.event.Grade;
import java.time.Duration;
import java.time.Instant;

/** Builds outcomes for the statistics tests; only the fields a test is about vary. */
public final class OutcomeFixtures {

    public static final Instant T0 = Instant.parse("2025-03-01T00:00:00Z");

    private OutcomeFixtures() {}

    public static MeasuredOutcome outcome(int minute, double netReturn) {
        return new MeasuredOutcome(
                "momentum",
                "BTCUSDT",
                Grade.C,
                "TRENDING_HIGH",
                0.5,
                50,
                netReturn,
                netReturn > 0,
                T0.plus(Duration.ofMinutes(minute)));
    }

    public static MeasuredOutcome graded(Grade grade, double netReturn, boolean hit) {
        return new MeasuredOutcome("momentum", "BTCUSDT", grade, null, 0.5, 50, netReturn, hit, T0);
    }

    public static MeasuredOutcome forecast(double confidence, boolean hit) {
        return new MeasuredOutcome("momentum", "BTCUSDT", Grade.C, null, confidence, 50, hit ? 0.01 : -0.01, hit, T0);
    }

    public static MeasuredOutcome of(
            String strategy, String symbol, Grade grade, String regime, int minute, double strength, double netReturn) {
        return new MeasuredOutcome(
                strategy,
                symbol,
                grade,
                regime,
                0.5,
                strength,
                netReturn,
                netReturn > 0,
                T0.plus(Duration.ofMinutes(minute)));
    }
}
