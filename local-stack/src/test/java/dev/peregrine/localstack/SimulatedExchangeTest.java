package dev.peregrine.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.peregrine.exchangesim.Instrument;
import dev.peregrine.exchangesim.Kline;
import dev.peregrine.exchangesim.KlineInterval;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** exchange-sim as the local stack runs it: the pace, the stamping on today's clock, the filters, the key, the services' settings. */
class SimulatedExchangeTest {

    @TempDir
    Path dir;

    @Test
    void speedZeroServesOneKlineASecondAndASpeedMustGiveABinanceInterval() {
        Path file = Path.of("/data/BTCUSDT-15m.csv.gz");
        assertThat(SimulatedExchange.Plan.of(file, BigDecimal.ZERO).served()).isEqualTo(KlineInterval.S1);
        assertThat(SimulatedExchange.Plan.of(file, new BigDecimal("900")).served())
                .isEqualTo(KlineInterval.S1);
        assertThat(SimulatedExchange.Plan.of(file, new BigDecimal("15")).served())
                .isEqualTo(KlineInterval.M1);
        assertThat(SimulatedExchange.Plan.of(file, BigDecimal.ONE).series().toString())
                .isEqualTo("BTCUSDT-15m");
        assertThat(SimulatedExchange.Plan.of(Path.of("ETHUSDT-1h.csv.gz"), new BigDecimal("3600"))
                        .series()
                        .toString())
                .isEqualTo("ETHUSDT-1s");

        assertThatThrownBy(() -> SimulatedExchange.Plan.of(file, new BigDecimal("60")))
                .isInstanceOf(SimulatedExchange.PlanException.class)
                .hasMessageContaining("every 15000 ms, which is no Binance interval")
                .hasMessageContaining("1m (--speed=15)")
                .hasMessageContaining("1s (--speed=900)");
        assertThatThrownBy(() -> SimulatedExchange.Plan.of(Path.of("klines.csv"), BigDecimal.ZERO))
                .isInstanceOf(SimulatedExchange.PlanException.class)
                .hasMessageContaining("SYMBOL-INTERVAL.csv[.gz]");
    }

    @Test
    void restampingKeepsEveryValueAndTheOrderAndPutsTheKlinesOneServedIntervalApart() {
        Instant recordedOpen = Instant.parse("2023-01-02T00:00:00Z");
        Kline first = new Kline(
                recordedOpen,
                new BigDecimal("16617.17"),
                new BigDecimal("16629.05"),
                new BigDecimal("16610.03"),
                new BigDecimal("16612.62"),
                new BigDecimal("1175.88274"),
                recordedOpen.plus(Duration.ofMinutes(15)).minusMillis(1),
                new BigDecimal("19542988.4235452"),
                39720,
                new BigDecimal("540.48094"),
                new BigDecimal("8982747.8303575"));
        Kline second = Kline.of(
                KlineInterval.M15,
                recordedOpen.plus(Duration.ofMinutes(15)),
                "16612.62",
                "16614.43",
                "16587.82",
                "16588.45",
                "1134.34265");
        Instant now = Instant.parse("2026-12-07T10:00:00Z");

        List<Kline> stamped = SimulatedExchange.restamp(List.of(first, second), now, Duration.ofSeconds(1));

        assertThat(stamped.get(0).openTime()).isEqualTo(now);
        assertThat(stamped.get(0).closeTime()).isEqualTo(now.plusMillis(999));
        assertThat(stamped.get(1).openTime()).isEqualTo(now.plusSeconds(1));
        assertThat(stamped.get(0))
                .usingRecursiveComparison()
                .ignoringFields("openTime", "closeTime")
                .isEqualTo(first);
        assertThat(stamped.get(1))
                .usingRecursiveComparison()
                .ignoringFields("openTime", "closeTime")
                .isEqualTo(second);
    }

    @Test
    void theFiltersAreBinancesFromIngestsExchangeInfoSnapshot() {
        Instrument btc = SimulatedExchange.instrument("BTCUSDT").orElseThrow();

        assertThat(btc.baseAsset()).isEqualTo("BTC");
        assertThat(btc.quoteAsset()).isEqualTo("USDT");
        assertThat(btc.tickSize()).isEqualByComparingTo("0.01");
        assertThat(btc.stepSize()).isEqualByComparingTo("0.00001");
        assertThat(btc.minNotional()).isEqualByComparingTo("5");
        assertThat(btc.notionalFilter()).isEqualTo(Instrument.NotionalFilter.NOTIONAL);
        assertThat(btc.marketMaxQty()).isEqualByComparingTo("128.52621715");
        assertThat(SimulatedExchange.instrument("NOSUCHUSDT")).isEmpty();
    }

    @Test
    void theKeyIsRandomPerRunAndNeverShownInFull() {
        SimulatedExchange.ApiKey one = SimulatedExchange.ApiKey.generate(new java.security.SecureRandom());
        SimulatedExchange.ApiKey two = SimulatedExchange.ApiKey.generate(new java.security.SecureRandom());

        assertThat(one.apiKey()).matches("[A-Za-z0-9]{64}").isNotEqualTo(two.apiKey());
        assertThat(one.secretKey()).matches("[A-Za-z0-9]{64}").isNotEqualTo(one.apiKey());
        assertThat(one.toString())
                .doesNotContain(one.apiKey())
                .doesNotContain(one.secretKey())
                .endsWith(one.apiKey().substring(60) + "]");
    }

    @Test
    void theHistoryIsReleasedAtOnceOnTheWallClockAndTheServicesArePointedAtTheExchange() throws IOException {
        Path file = writeKlines(dir.resolve("BTCUSDT-15m.csv"), SimulatedExchange.HISTORY + 20);
        Clock clock = Clock.fixed(Instant.parse("2026-12-07T10:00:00.400Z"), ZoneOffset.UTC);
        LocalStackOptions options = LocalStackOptions.parse(List.of("--exchange-sim", "--replay=" + file), dir);

        try (SimulatedExchange exchange = SimulatedExchange.start(
                SimulatedExchange.Plan.of(options.replayFile(), options.speed()), 0, 0, clock)) {
            assertThat(exchange.exchange().released("BTCUSDT", KlineInterval.S1))
                    .hasSize(SimulatedExchange.HISTORY)
                    .last()
                    .satisfies(k -> assertThat(k.closeTime()).isEqualTo(Instant.parse("2026-12-07T09:59:59.999Z")));
            assertThat(exchange.firstLiveOpen()).isEqualTo(Instant.parse("2026-12-07T10:00:00Z"));
            assertThat(exchange.exchange().serverTime()).as("the wall clock").isEqualTo(clock.instant());
            assertThat(exchange.exchange().freeBalance("USDT"))
                    .isEqualByComparingTo(SimulatedExchange.STARTING_QUOTE_BALANCE);

            ServiceSuite.Settings settings = new ServiceSuite.Settings(
                    "127.0.0.1:19092",
                    "jdbc:postgresql://127.0.0.1:15432/peregrine",
                    "postgres",
                    "postgres",
                    new SecurityTokens("o".repeat(64), "v".repeat(64), Optional.empty()),
                    options,
                    exchange,
                    true);
            assertThat(ServiceSuite.arguments(SuiteService.INGEST, settings))
                    .contains(
                            "--peregrine.ingest.binance.enabled=true",
                            "--peregrine.ingest.binance.rest-base-url=" + exchange.restBaseUrl(),
                            "--peregrine.ingest.binance.ws-base-url=" + exchange.wsBaseUrl(),
                            "--peregrine.ingest.binance.symbols=BTCUSDT",
                            "--peregrine.ingest.binance.intervals=1s",
                            "--peregrine.ingest.replay.file=");
            assertThat(ServiceSuite.arguments(SuiteService.EXECUTION, settings))
                    .contains(
                            "--peregrine.execution.venue=BINANCE",
                            "--peregrine.execution.binance.rest-base-url=" + exchange.restBaseUrl(),
                            "--peregrine.execution.binance.ws-api-url=" + exchange.wsApiUrl(),
                            "--peregrine.execution.binance.testnet=false",
                            "--BINANCE_API_KEY=" + exchange.key().apiKey(),
                            "--BINANCE_SECRET_KEY=" + exchange.key().secretKey());
            assertThat(ServiceSuite.arguments(SuiteService.RISK, settings)).noneMatch(arg -> arg.contains("BINANCE"));
            assertThat(settings.toString())
                    .doesNotContain(exchange.key().apiKey())
                    .doesNotContain(exchange.key().secretKey());
            assertThat(exchange.exchange().config().trading().apiKey())
                    .isEqualTo(exchange.key().apiKey());
        }
    }

    @Test
    void theStartupReportShowsWhereTheExchangeIsButNotTheKey() throws IOException {
        Path file = writeKlines(dir.resolve("BTCUSDT-15m.csv"), 5);
        LocalStackOptions options = LocalStackOptions.parse(List.of("--exchange-sim", "--replay=" + file), dir);
        try (SimulatedExchange exchange = SimulatedExchange.start(
                SimulatedExchange.Plan.of(options.replayFile(), options.speed()), 0, 0, Clock.systemUTC())) {
            String report = StartupReport.renderExchange(options, exchange);

            assertThat(report)
                    .contains(
                            exchange.restBaseUrl(),
                            exchange.wsApiUrl(),
                            exchange.restBaseUrl() + "/sim/account",
                            "BTCUSDT-1s",
                            "BINANCE on exchange-sim",
                            exchange.key().masked());
            assertThat(report)
                    .doesNotContain(exchange.key().apiKey())
                    .doesNotContain(exchange.key().secretKey());
        }
    }

    private static Path writeKlines(Path file, int count) throws IOException {
        List<String> lines = new ArrayList<>();
        long open = Instant.parse("2023-01-02T00:00:00Z").toEpochMilli();
        for (int i = 0; i < count; i++) {
            long at = open + i * 900_000L;
            lines.add(at + ",100,101,99,100.5,10," + (at + 899_999) + ",1005,7,5,502.5");
        }
        Files.write(file, lines);
        return file;
    }
}
