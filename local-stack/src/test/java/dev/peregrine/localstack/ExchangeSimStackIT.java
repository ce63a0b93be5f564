package dev.peregrine.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.peregrine.exchangesim.SpotOrder;
import dev.peregrine.exchangesim.SpotTrade;
import dev.peregrine.testkit.InfrastructureEndpoints;
import dev.peregrine.testkit.RealInfrastructure;
import dev.peregrine.testkit.ServiceApi;
import dev.peregrine.testkit.SharedData;
import dev.peregrine.testkit.TestTokens;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code ./local-stack.sh --exchange-sim} end to end, offline: exchange-sim serves a short slice of recorded
 * BTCUSDT 15m klines on today's clock (one a second), ingest reads it like Binance (REST backfill, kline stream),
 * signal, risk and execution act on it, and execution's BINANCE venue sends signed orders to exchange-sim with the
 * run's generated key. At least one order must come back FILLED on execution's REST API with venue {@code binance},
 * and exchange-sim's own account must hold that order, filled, with its trade, and the bought BTC. The services run
 * on ephemeral ports, exchange-sim too, so a local stack running on this machine does not get in the way. Kafka is the
 * local stack's own broker ({@link PersistentKafka}, on a temporary data dir): SASL/PLAIN with the ACLs of
 * {@code TopicAccess}, each service logged in as its own principal, as {@code ./local-stack.sh} runs them.
 *
 * <p>Reads {@code ../shared/data/binance/klines/BTCUSDT-15m.csv.gz} (never copied into the repository; the slice is
 * written to a temporary directory) and is skipped where that folder is absent.
 */
class ExchangeSimStackIT {

    /**
     * 2023-01-02 00:00 UTC on: the history the analysts warm up on, then live klines one a second. On this slice the
     * first order went out 8 s and 90 s after ingest subscribed in two runs (which candles are live depends on how
     * long the services take to start), so the slice has 10 minutes of live klines and the wait is 5 minutes.
     */
    private static final int SLICE_START = 0;

    private static final int SLICE_LENGTH = SimulatedExchange.HISTORY + 600;

    @TempDir
    static Path workDir;

    private static SimulatedExchange exchange;
    private static PersistentKafka kafka;
    private static ServiceSuite suite;
    private static final JsonMapper json = JsonMapper.builder().build();

    @BeforeAll
    static void startTheStackOnExchangeSim() throws IOException {
        Path recorded = SharedData.require("binance/klines/BTCUSDT-15m.csv.gz");
        Path slice = workDir.resolve("BTCUSDT-15m.csv");
        writeSlice(recorded, slice);

        LocalStackOptions options = LocalStackOptions.parse(List.of("--exchange-sim", "--replay=" + slice), workDir);
        InfrastructureEndpoints infra = RealInfrastructure.get();
        // As ./local-stack.sh does: four services starting at once would race on Boot's logging initialisation.
        LocalStack.initializeLogging();
        kafka = PersistentKafka.start(workDir.resolve("data/kafka"), freePort(), freePort());
        exchange = SimulatedExchange.start(
                SimulatedExchange.Plan.of(options.replayFile(), options.speed()), 0, 0, Clock.systemUTC());
        Map<SuiteService, DatabaseLogin> logins = new EnumMap<>(SuiteService.class);
        for (SuiteService service : SuiteService.values()) {
            logins.put(service, new DatabaseLogin(infra.jdbcUsername(), infra.jdbcPassword()));
        }
        suite = ServiceSuite.start(new ServiceSuite.Settings(
                kafka.bootstrapServers(),
                infra.jdbcUrl(),
                logins,
                new SecurityTokens(TestTokens.OPERATOR, TestTokens.VIEWER, Optional.empty()),
                options,
                exchange,
                false,
                kafka.credentials()));
    }

    @AfterAll
    static void stop() {
        if (suite != null) {
            suite.close();
        }
        if (exchange != null) {
            exchange.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    private static int freePort() throws IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Test
    void anOrderGoesOutToExchangeSimAndComesBackFilledOnExecutionsApiAndInTheExchangesAccount() {
        assertThat(exchange.plan().series().toString()).isEqualTo("BTCUSDT-1s");

        JsonNode filled = await("a FILLED order of venue binance on GET /api/v1/orders")
                .atMost(Duration.ofSeconds(300))
                .pollInterval(Duration.ofSeconds(1))
                .until(ExchangeSimStackIT::firstFilledBinanceOrder, Optional::isPresent)
                .orElseThrow();

        String clientOrderId = filled.path("clientOrderId").asString();
        assertThat(filled.path("symbol").asString()).isEqualTo("BTCUSDT");
        assertThat(filled.path("side").asString()).isEqualTo("BUY");
        assertThat(filled.path("venueOrderId").asString()).isNotBlank();
        BigDecimal quantity = new BigDecimal(filled.path("quantity").asString());
        BigDecimal fillPrice = new BigDecimal(filled.path("fillPrice").asString());

        // exchange-sim's own books: the same client order id, filled in full at the price execution reports.
        SpotOrder order = exchange.exchange().orders("BTCUSDT").stream()
                .filter(o -> o.clientOrderId().equals(clientOrderId))
                .findFirst()
                .orElseThrow();
        assertThat(order.status()).isEqualTo(SpotOrder.Status.FILLED);
        assertThat(order.side()).isEqualTo(SpotOrder.Side.BUY);
        assertThat(order.executedQty()).isEqualByComparingTo(quantity);
        assertThat(Long.toString(order.orderId()))
                .isEqualTo(filled.path("venueOrderId").asString());
        List<SpotTrade> trades = exchange.exchange().trades("BTCUSDT").stream()
                .filter(t -> t.orderId() == order.orderId())
                .toList();
        assertThat(trades).isNotEmpty();
        assertThat(trades).allSatisfy(t -> assertThat(t.price()).isEqualByComparingTo(fillPrice));
        // The recorded price the order filled at: a close of the slice, not an invented one.
        assertThat(exchange.exchange().released("BTCUSDT", exchange.plan().served()))
                .anySatisfy(k -> assertThat(k.close()).isEqualByComparingTo(fillPrice));
        // The account holds the BTC it bought (less the commission, charged in BTC) and paid USDT for it.
        assertThat(exchange.exchange()
                        .freeBalance("BTC")
                        .add(exchange.exchange().lockedBalance("BTC")))
                .isPositive();
        assertThat(exchange.exchange().freeBalance("USDT"))
                .isLessThan(new BigDecimal(SimulatedExchange.STARTING_QUOTE_BALANCE));
    }

    private static Optional<JsonNode> firstFilledBinanceOrder() throws Exception {
        HttpResponse<String> response = ServiceApi.server(
                        suite.context(SuiteService.EXECUTION).getEnvironment())
                .asViewer()
                .get("/api/v1/orders?symbol=BTCUSDT&state=FILLED");
        assertThat(response.statusCode()).isEqualTo(200);
        for (JsonNode order : json.readTree(response.body())) {
            if ("binance".equals(order.path("venue").asString())
                    && "ENTRY".equals(order.path("purpose").asString())) {
                return Optional.of(order);
            }
        }
        return Optional.empty();
    }

    /** The header and SLICE_LENGTH lines from SLICE_START on, into a file named like Binance's. */
    private static void writeSlice(Path recorded, Path slice) throws IOException {
        List<String> lines = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(new GZIPInputStream(Files.newInputStream(recorded)), StandardCharsets.UTF_8))) {
            lines.add(reader.readLine());
            for (int i = 0; i < SLICE_START; i++) {
                reader.readLine();
            }
            String line;
            while (lines.size() <= SLICE_LENGTH && (line = reader.readLine()) != null) {
                lines.add(line);
            }
        }
        Files.write(slice, lines);
    }
}
