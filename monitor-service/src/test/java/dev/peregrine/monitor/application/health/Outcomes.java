package dev.peregrine.monitor.application.health;

import dev.peregrine.common.event.Envelope;
import dev.peregrine.common.event.Grade;
import dev.peregrine.common.event.RecommendedAction;
import dev.peregrine.common.event.SignalOutcomeMeasured;
import dev.peregrine.common.id.DerivedIds;
import dev.peregrine.common.value.Interval;
import dev.peregrine.common.value.Price;
import dev.peregrine.common.value.Side;
import dev.peregrine.common.value.Symbol;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Measured outcomes of a strategy with a given edge and noise per outcome, from a fixed seed. */
public final class Outcomes {

    public static final Instant START = Instant.parse("2024-06-03T00:14:59.999Z");

    private Outcomes() {}

    /** {@code count} 4 h outcomes, one per 15 minutes, net returns drawn N(mean, sd) with {@code seed}. */
    public static List<SignalOutcomeMeasured> series(String strategy, double mean, double sd, int count, long seed) {
        Random random = new Random(seed);
        List<SignalOutcomeMeasured> outcomes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            outcomes.add(outcome(
                    strategy,
                    START.plus(Duration.ofMinutes(15L * i)),
                    mean + sd * random.nextGaussian(),
                    Duration.ofHours(4)));
        }
        return outcomes;
    }

    public static SignalOutcomeMeasured outcome(
            String strategy, Instant signalClose, double netReturn, Duration horizon) {
        BigDecimal net = BigDecimal.valueOf(netReturn).setScale(8, java.math.RoundingMode.HALF_EVEN);
        BigDecimal cost = new BigDecimal("0.002");
        Instant entry = signalClose.plusMillis(1);
        Instant exit = entry.plus(horizon);
        return new SignalOutcomeMeasured(
                Envelope.root(DerivedIds.from("test-outcome", strategy, signalClose, horizon), exit, exit),
                DerivedIds.from("test-signal", strategy, signalClose),
                strategy,
                Symbol.of("BTCUSDT"),
                Interval.FIFTEEN_MINUTES,
                Side.BUY,
                Grade.B,
                70,
                0.7,
                RecommendedAction.TRADE,
                true,
                "TRENDING_LOW",
                horizon,
                entry,
                Price.of("30000"),
                exit,
                Price.of("30000"),
                net.add(cost),
                cost,
                net,
                net.abs(),
                net.abs().negate(),
                net.signum() > 0,
                List.of());
    }
}
