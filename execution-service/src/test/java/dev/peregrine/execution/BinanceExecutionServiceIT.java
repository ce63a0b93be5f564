package dev.peregrine.execution;

import static org.assertj.core.api.Assertions.assertThat;

import dev.peregrine.common.Topics;
import dev.peregrine.common.event.AccountSnapshot;
import dev.peregrine.common.event.ExecutionReportEvent;
import dev.peregrine.common.event.OrderFilled;
import dev.peregrine.common.event.OrderIntentCreated;
import dev.peregrine.common.event.OrderRejected;
import dev.peregrine.common.json.EventCodec;
import dev.peregrine.exchangesim.ExchangeSimulator;
import dev.peregrine.exchangesim.Instrument;
import dev.peregrine.exchangesim.Kline;
import dev.peregrine.exchangesim.KlineInterval;
import dev.peregrine.exchangesim.ServerTime;
import dev.peregrine.exchangesim.SimulatorConfig;
import dev.peregrine.exchangesim.SpotOrder;
import dev.peregrine.execution.fixtures.Events;
import dev.peregrine.testkit.PeregrineIntegrationTest;
import dev.peregrine.testkit.RawRecords;
import dev.peregrine.testkit.RealInfrastructure;
import dev.peregrine.testkit.ServiceApi;
import dev.peregrine.testkit.TopicProbe;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole service on venue BINANCE against exchange-sim over real sockets, with Kafka and PostgreSQL: start-up
 * checks, reconciliation before intents are consumed, orders filled with Binance's commission, a 5XX answer resolved
 * without a second order, and a stale intent refused before anything is sent.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@PeregrineIntegrationTest
@SpringBootTest(
        classes = ExecutionServiceApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.config.name=peregrine-defaults,execution-service",
            "management.server.port=0",
            "spring.kafka.consumer.group-id=execution-service-binance-it",
            "peregrine.execution.venue=BINANCE",
            "peregrine.execution.binance.testnet=false",
            "peregrine.execution.venue-orders.resolve-every=200ms",
            "peregrine.execution.venue-orders.first-retry=100ms",
            "peregrine.execution.venue-orders.max-retry=1s",
            "peregrine.execution.venue-orders.absence-grace=2s",
            "BINANCE_API_KEY=" + BinanceExecutionServiceIT.API_KEY,
            "BINANCE_SECRET_KEY=" + BinanceExecutionServiceIT.SECRET_KEY
        })
class BinanceExecutionServiceIT {

    static final String API_KEY = "serviceItKey000000000000000000000000000000000000000000000000000Ab1";
    static final String SECRET_KEY = "serviceItSecret00000000000000000000000000000000000000000000000Zz9";
    private static final String SYMBOL = "BNCEUSDT";
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final Instant START = Instant.parse("2024-06-01T00:00:00Z");
    private static final ExchangeSimulator EXCHANGE = ExchangeSimulator.start(SimulatorConfig.builder()
            .instrument(Instrument.trading(SYMBOL, "BNCE", "USDT", "0.01", "0.00001", "0.00001", "5"))
            .klines(
                    SYMBOL,
                    KlineInterval.M1,
                    List.of(
                            Kline.of(KlineInterval.M1, START, "100.00", "101.00", "99.50", "100.50", "3"),
                            Kline.of(
                                    KlineInterval.M1,
                                    START.plusSeconds(60),
                                    "100.50",
                                    "100.80",
                                    "99.80",
                                    "100.00",
                                    "3")))
            .balance("USDT", "10000")
            .apiKeys(API_KEY, SECRET_KEY)
            // Binance's clock runs; exchange-sim's market clock stands still between klines.
            .serverTime(ServerTime.WALL_CLOCK)
            .build());

    static {
        EXCHANGE.advance(1);
    }

    private final EventCodec codec = new EventCodec();
    private final String bootstrap = RealInfrastructure.get().kafkaBootstrapServers();

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    @DynamicPropertySource
    static void exchange(DynamicPropertyRegistry registry) {
        registry.add("peregrine.execution.binance.rest-base-url", EXCHANGE::restBaseUrl);
        registry.add("peregrine.execution.binance.ws-api-url", EXCHANGE::wsApiUrl);
    }

    @AfterAll
    static void stopExchange() {
        EXCHANGE.close();
    }

    /** An intent decided just now by the venue's clock. */
    private static OrderIntentCreated freshIntent(String clientOrderId, String quantity) {
        return Events.marketIntent(
                SYMBOL, clientOrderId, quantity, EXCHANGE.serverTime().minusSeconds(1));
    }

    private void send(OrderIntentCreated intent) {
        RawRecords.send(bootstrap, Topics.ORDERS_INTENTS, intent.key(), codec.encode(intent));
    }

    private <T extends ExecutionReportEvent> T awaitReport(TopicProbe reports, Class<T> type, String clientOrderId) {
        return reports
                .awaitMatching(
                        1,
                        record -> {
                            ExecutionReportEvent report = codec.decode(record.value(), ExecutionReportEvent.class);
                            return type.isInstance(report)
                                    && report.clientOrderId().equals(clientOrderId);
                        },
                        TIMEOUT)
                .stream()
                .map(record -> type.cast(codec.decode(record.value(), ExecutionReportEvent.class)))
                .findFirst()
                .orElseThrow();
    }

    private List<SpotOrder> venueOrders(String clientOrderId) {
        return EXCHANGE.orders(SYMBOL).stream()
                .filter(order -> order.clientOrderId().equals(clientOrderId))
                .toList();
    }

    @Test
    void anIntentIsFilledAtBinanceWithItsCommissionAndShownOverRestOnceReconciled() throws Exception {
        assertThat(ServiceApi.at(managementPort)
                        .asViewer()
                        .get("/actuator/health/readiness")
                        .body())
                .contains("\"status\":\"UP\"");
        try (TopicProbe reports = TopicProbe.open(bootstrap, Topics.EXECUTION_REPORTS)) {
            send(freshIntent("it-bnc-1", "2"));

            OrderFilled filled = awaitReport(reports, OrderFilled.class, "it-bnc-1");

            assertThat(filled.venue()).isEqualTo("binance");
            assertThat(filled.fillPrice().value()).isEqualByComparingTo("100.50");
            assertThat(filled.fee().currency()).isEqualTo("BNCE");
            assertThat(filled.fee().amount()).isEqualByComparingTo("0.002");
            assertThat(venueOrders("it-bnc-1"))
                    .singleElement()
                    .satisfies(
                            order -> assertThat(String.valueOf(order.orderId())).isEqualTo(filled.venueOrderId()));
        }
        assertThat(ServiceApi.at(port).asViewer().get("/api/v1/orders/it-bnc-1").body())
                .contains("\"state\":\"FILLED\"", "\"venue\":\"binance\"");
    }

    @Test
    void theAccountAsBinanceHoldsItIsPublishedForThePortfolioOnceTheUserDataStreamIsSubscribed() {
        try (TopicProbe accounts = TopicProbe.open(bootstrap, Topics.EXECUTION_ACCOUNTS)) {
            AccountSnapshot snapshot = (AccountSnapshot) codec.decode(
                    accounts.awaitMatching(1, record -> record.value().contains("\"venue\":\"binance\""), TIMEOUT)
                            .getFirst()
                            .value(),
                    dev.peregrine.common.event.AccountEvent.class);

            assertThat(snapshot.balances()).anySatisfy(balance -> {
                assertThat(balance.asset()).isEqualTo("USDT");
                assertThat(balance.total()).isPositive();
            });
        }
    }

    @Test
    void anOrderAnswered5xxIsResolvedByAskingBinanceAndNeverSentTwice() {
        EXCHANGE.faults().serverErrorAfterNextOrders(1, 503);
        try (TopicProbe reports = TopicProbe.open(bootstrap, Topics.EXECUTION_REPORTS)) {
            send(freshIntent("it-bnc-5xx", "1"));

            OrderFilled filled = awaitReport(reports, OrderFilled.class, "it-bnc-5xx");

            assertThat(filled.venue()).isEqualTo("binance");
            assertThat(venueOrders("it-bnc-5xx")).hasSize(1);
        }
    }

    @Test
    void aStaleIntentIsRefusedBeforeAnythingIsSent() {
        try (TopicProbe reports = TopicProbe.open(bootstrap, Topics.EXECUTION_REPORTS)) {
            send(Events.marketIntent(
                    SYMBOL, "it-bnc-stale", "1", EXCHANGE.serverTime().minus(Duration.ofHours(1))));

            OrderRejected rejected = awaitReport(reports, OrderRejected.class, "it-bnc-stale");

            assertThat(rejected.reason().code()).isEqualTo("STALE_INTENT");
            assertThat(venueOrders("it-bnc-stale")).isEmpty();
        }
    }
}
