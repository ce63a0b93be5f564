package dev.peregrine.signal.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.peregrine.common.event.CandleClosed;
import dev.peregrine.common.event.SignalValidated;
import dev.peregrine.common.event.StrategyState;
import dev.peregrine.common.id.DerivedIds;
import dev.peregrine.common.value.Interval;
import dev.peregrine.signal.MarketScripts;
import dev.peregrine.signal.SignalServiceApplication;
import dev.peregrine.signal.adapter.out.jdbc.JdbcCandleStore;
import dev.peregrine.signal.adapter.out.jdbc.JdbcSignalValidationStore;
import dev.peregrine.signal.application.port.out.CandleStore;
import dev.peregrine.signal.application.port.out.SignalValidationStore;
import dev.peregrine.signal.domain.SeriesState;
import dev.peregrine.signal.domain.SignalPipeline;
import dev.peregrine.signal.domain.Strategy;
import dev.peregrine.signal.domain.analyst.AnalystPanel;
import dev.peregrine.testkit.PeregrineIntegrationTest;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;

/**
 * The restart rebuild against the real {@code signal.candles} table: a service that stops mid-stream and a new
 * one that rebuilds the series from the stored candles produce exactly the signals an uninterrupted run
 * produces after that point. The use case is wired by hand around the real JDBC stores (and an in-memory
 * publisher), so the restart is a new instance with nothing in memory, as after a process restart.
 */
@PeregrineIntegrationTest
@SpringBootTest(
        classes = SignalServiceApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=peregrine-defaults,signal-service", "management.server.port=0"})
// Closed after this class: its consumers must not judge another test class's candles (one consumer group).
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class RestartRebuildIT {

    private static final Instant FIRST_OPEN = Instant.parse("2025-02-03T00:00:00Z");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-02-10T00:00:00Z"), ZoneOffset.UTC);

    @Autowired
    JdbcCandleStore candleStore;

    @Autowired
    JdbcSignalValidationStore validationStore;

    @Autowired
    JdbcClient jdbc;

    private final StrategyRegistry registry = new StrategyRegistry(AnalystPanel.withDefaults().ids().stream()
            .map(id -> new Strategy(id, StrategyState.ACTIVE, BigDecimal.ONE, "test", "test", CLOCK.instant()))
            .toList());

    private EvaluateClosedCandleService service(
            CandleStore candles, SignalValidationStore store, Fakes.SignalBus bus, Fakes.Metrics metrics) {
        return new EvaluateClosedCandleService(
                new SignalChain(SeriesState::withDefaults, SignalPipeline.withDefaults(), registry::status),
                candles,
                store,
                bus,
                metrics,
                new Fakes.SequentialIds(),
                CLOCK,
                500);
    }

    @Test
    void aRestartMidStreamRebuildsTheSeriesFromStoredCandlesAndGivesTheSameNextSignals() {
        // A symbol of its own: the database outlives a single test run's expectations.
        String symbol = "RB" + Long.toString(System.nanoTime() % 100_000_000L) + "USDT";
        List<CandleClosed> candles = new ArrayList<>(MarketScripts.waves(
                symbol, Interval.FIFTEEN_MINUTES, FIRST_OPEN, 240, i -> DerivedIds.from("rebuild-it", symbol, i)));
        List<CandleClosed> tail = MarketScripts.breakout(
                symbol,
                Interval.FIFTEEN_MINUTES,
                FIRST_OPEN.plus(Interval.FIFTEEN_MINUTES.length().multipliedBy(240)),
                candles.getLast().close().value().toPlainString(),
                i -> DerivedIds.from("rebuild-it-tail", symbol, i));
        candles.addAll(tail);
        int restartAt = 240 + MarketScripts.BREAKOUT - 5;

        Fakes.Journal journal = new Fakes.Journal();
        Fakes.SignalBus uninterruptedBus = new Fakes.SignalBus(journal);
        EvaluateClosedCandleService uninterrupted = service(
                new Fakes.CandleDb(journal), new Fakes.SignalStore(journal), uninterruptedBus, new Fakes.Metrics());
        List<List<SignalValidated>> expected = new ArrayList<>();
        candles.forEach(candle -> expected.add(uninterrupted.evaluate(candle)));

        Fakes.SignalBus bus = new Fakes.SignalBus(journal);
        EvaluateClosedCandleService beforeRestart = service(candleStore, validationStore, bus, new Fakes.Metrics());
        candles.subList(0, restartAt).forEach(beforeRestart::evaluate);
        assertThat(jdbc.sql("SELECT count(*) FROM signal.candles WHERE symbol = ?")
                        .param(symbol)
                        .query(Long.class)
                        .single())
                .isEqualTo(restartAt);

        Fakes.Metrics afterMetrics = new Fakes.Metrics();
        EvaluateClosedCandleService afterRestart = service(candleStore, validationStore, bus, afterMetrics);
        List<List<SignalValidated>> actual = new ArrayList<>();
        candles.subList(restartAt, candles.size()).forEach(candle -> actual.add(afterRestart.evaluate(candle)));

        assertThat(afterMetrics.rebuilt).containsExactly(restartAt);
        assertThat(afterMetrics.warm).as("the rebuilt series is warm at once").isEqualTo(1);
        List<String> expectedDecisions = decisions(expected.subList(restartAt, candles.size()));
        assertThat(expectedDecisions)
                .as("signals after the restart point")
                .isNotEmpty()
                .anyMatch(decision -> decision.contains(" breakout BUY "));
        assertThat(decisions(actual)).isEqualTo(expectedDecisions);

        UUID breakoutSignal = DerivedIds.from(
                "signal",
                "breakout",
                tail.get(MarketScripts.BREAKOUT).symbol(),
                Interval.FIFTEEN_MINUTES,
                tail.get(MarketScripts.BREAKOUT).openTime());
        assertThat(jdbc.sql(
                                "SELECT count(*) FROM signal.signal_validations WHERE signal_id = ? AND debate_id IS NOT NULL")
                        .param(breakoutSignal)
                        .query(Long.class)
                        .single())
                .isEqualTo(1L);
    }

    /** Everything of the signals but their own event ids and processing times. */
    private static List<String> decisions(List<List<SignalValidated>> results) {
        return results.stream()
                .flatMap(List::stream)
                .map(s -> s.signalId() + " " + s.strategyId() + " " + s.side() + " " + s.strength() + " " + s.grade()
                        + " "
                        + s.confidence() + " " + s.sizeMultiplier() + " " + s.action() + " " + s.tradeable() + " "
                        + s.referencePrice() + " " + s.stopPrice() + " " + s.reasons() + " "
                        + s.envelope().correlationId())
                .toList();
    }
}
