package dev.peregrine.backtest.parity;

import static dev.peregrine.backtest.parity.ServicesOverKafka.RISK;
import static dev.peregrine.backtest.parity.ServicesOverKafka.SIGNAL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.peregrine.backtest.engine.BacktestConfig;
import dev.peregrine.backtest.engine.BacktestEngine;
import dev.peregrine.backtest.engine.BacktestResult;
import dev.peregrine.backtest.engine.CandleFeed;
import dev.peregrine.backtest.engine.DecisionRecord;
import dev.peregrine.backtest.engine.FillRecord;
import dev.peregrine.backtest.engine.InstrumentRules;
import dev.peregrine.backtest.engine.KlineSeries;
import dev.peregrine.backtest.engine.OrderRole;
import dev.peregrine.backtest.engine.SignalRecord;
import dev.peregrine.common.Topics;
import dev.peregrine.common.event.CandleClosed;
import dev.peregrine.common.event.InstrumentUpdated;
import dev.peregrine.common.value.Side;
import dev.peregrine.testkit.InfrastructureEndpoints;
import dev.peregrine.testkit.RealInfrastructure;
import dev.peregrine.testkit.SharedData;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Parity: the first {@value #CANDLES} ETHUSDT 15m candles of the shared data (2023-01-02 to 2023-01-07) with the
 * services' default configuration give the same risk decisions (ids, outcome, quantity, risk amount, every reason with
 * its detail) and the same orders and fills (ids, quantities, states, prices, fees, protective levels, market times)
 * in the backtest engine as through signal-, risk- and execution-service over Kafka and PostgreSQL.
 *
 * <p>The services get what ingest would publish for the file (the engine's own {@link CandleFeed}: ingest's quality
 * stage, derived event ids, and the instruments of ingest's exchangeInfo snapshot), published by this test. Live,
 * the services hear the candle topic side by side, so the order in which risk hears a candle, its fills and its
 * signals depends on timing (see the engine's {@code ServicesInProcess}). This test takes that timing out, step by
 * step per candle, in the engine's market-time order: with signal's and risk's candle consumers paused, the candle
 * reaches execution, which settles what it executes, and risk applies the reports; then risk reads the candle; then
 * signal-service does, and risk decides. After each step the chain must be quiet (no consumer lag). The steps are
 * needed only where the order matters, so the engine's result says where: a candle without a fill of the engine
 * skips the first hold (nothing of execution's can reach risk before the candle does), one without a signal skips
 * the second, and the candles before the first signal go in one batch. Should the services fill or signal where the
 * engine did not, their records differ from the engine's and the test fails all the same.
 *
 * <p>Skipped without {@code ../shared/data}. About a minute to start the services and one more for the candles.
 */
class BacktestParityIT {

    private static final int CANDLES = 500;
    private static final String FILE = "binance/klines/ETHUSDT-15m.csv.gz";

    @Test
    void theEngineDecidesAndFillsExactlyAsTheServicesDoOverKafkaAndPostgres() throws Exception {
        Optional<Path> file = SharedData.file(FILE);
        assumeTrue(file.isPresent(), "no ../shared/data/" + FILE + " here: the parity test needs real data");
        KlineSeries series = KlineSeries.read(file.get(), Instant.MIN, Instant.MAX, CANDLES);
        BacktestConfig config = BacktestConfig.serviceDefaults();
        BacktestResult engine = new BacktestEngine(config).run(List.of(series));
        assertThereIsSomethingToCompare(engine);

        List<CandleClosed> candles = CandleFeed.of(List.of(series), config.quality());
        List<InstrumentUpdated> instruments =
                InstrumentRules.of(config.instrumentsSnapshot(), List.of(series.symbol()));
        InfrastructureEndpoints infra = RealInfrastructure.get();
        String jdbcUrl = freshDatabase(infra);
        long began = System.nanoTime();
        try (ServicesOverKafka services = ServicesOverKafka.start(infra, jdbcUrl)) {
            long started = System.nanoTime();
            instruments.forEach(instrument -> services.publish(Topics.MARKET_INSTRUMENTS, instrument));
            services.awaitQuiet();
            Instant firstSignal = engine.signals().getFirst().openTime();
            int next = 0;
            while (next < candles.size() && candles.get(next).openTime().isBefore(firstSignal)) {
                next++;
            }
            services.publishAll(Topics.MARKET_CANDLES, candles.subList(0, next));
            services.awaitQuiet();
            Set<Instant> fillCandles =
                    engine.fills().stream().map(FillRecord::time).collect(Collectors.toSet());
            Set<Instant> signalCandles =
                    engine.signals().stream().map(SignalRecord::openTime).collect(Collectors.toSet());
            for (; next < candles.size(); next++) {
                CandleClosed candle = candles.get(next);
                boolean fills = fillCandles.contains(candle.openTime());
                boolean signals = signalCandles.contains(candle.openTime());
                List<String> held = fills && signals
                        ? List.of(SIGNAL, RISK)
                        : fills ? List.of(RISK) : signals ? List.of(SIGNAL) : List.of();
                services.pauseCandles(held.toArray(String[]::new));
                services.publish(Topics.MARKET_CANDLES, candle);
                services.awaitQuiet(); // execution settles; risk applies the reports
                if (fills) {
                    services.resumeCandles(RISK);
                    services.awaitQuiet(); // risk marks, its controls react, holding-time exits are placed
                }
                if (signals) {
                    services.resumeCandles(SIGNAL);
                    services.awaitQuiet(); // signals, decisions, intents placed, their reports applied
                }
            }
            System.out.printf(
                    java.util.Locale.ROOT,
                    "# parity: services started in %.1f s, %d candles through them "
                            + "in %.1f s (%d fill and %d signal candles held)%n",
                    (started - began) / 1e9,
                    candles.size(),
                    (System.nanoTime() - started) / 1e9,
                    fillCandles.size(),
                    signalCandles.size());
        }

        Outcomes expected = Outcomes.of(engine);
        Outcomes stored = Outcomes.stored(jdbcUrl, infra.jdbcUsername(), infra.jdbcPassword());
        assertThat(stored.decisions())
                .as("risk.decisions against the engine's decisions")
                .containsExactlyElementsOf(expected.decisions());
        assertThat(stored.orders())
                .as("execution.orders against the engine's orders and fills")
                .containsExactlyElementsOf(expected.orders());
    }

    /** The slice must exercise approvals, denials, entries and the protective pair, or parity would prove little. */
    private static void assertThereIsSomethingToCompare(BacktestResult engine) {
        assertThat(engine.decisions()).anyMatch(d -> d.approved() && d.side() == Side.BUY);
        assertThat(engine.decisions()).anyMatch(d -> !d.approved());
        assertThat(engine.fills())
                .extracting(FillRecord::role)
                .contains(OrderRole.ENTRY, OrderRole.STOP, OrderRole.TAKE_PROFIT);
        assertThat(engine.trades()).isNotEmpty();
        assertThat(engine.decisions()).extracting(DecisionRecord::quantity).isNotEmpty();
    }

    /** A database of the test's own, so the services' schemas and the book start empty. */
    private static String freshDatabase(InfrastructureEndpoints infra) throws SQLException {
        String name = "parity_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection connection =
                DriverManager.getConnection(infra.jdbcUrl(), infra.jdbcUsername(), infra.jdbcPassword())) {
            connection.createStatement().execute("create database " + name);
        }
        String url = infra.jdbcUrl();
        int query = url.indexOf('?');
        String base = query < 0 ? url : url.substring(0, query);
        return base.substring(0, base.lastIndexOf('/') + 1) + name + (query < 0 ? "" : url.substring(query));
    }
}
