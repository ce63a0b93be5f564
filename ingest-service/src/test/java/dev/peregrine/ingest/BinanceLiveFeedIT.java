package dev.peregrine.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.peregrine.common.Topics;
import dev.peregrine.common.event.CandleClosed;
import dev.peregrine.common.event.InstrumentUpdated;
import dev.peregrine.common.event.QualityIncident;
import dev.peregrine.common.json.EventCodec;
import dev.peregrine.exchangesim.ExchangeSimulator;
import dev.peregrine.exchangesim.FaultType;
import dev.peregrine.exchangesim.Instrument;
import dev.peregrine.exchangesim.Kline;
import dev.peregrine.exchangesim.KlineInterval;
import dev.peregrine.exchangesim.RecordedRequest;
import dev.peregrine.exchangesim.SimulatorConfig;
import dev.peregrine.testkit.PeregrineIntegrationTest;
import dev.peregrine.testkit.RealInfrastructure;
import dev.peregrine.testkit.ServiceApi;
import dev.peregrine.testkit.TestTokens;
import dev.peregrine.testkit.TopicProbe;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The live feed end to end: ingest talks to the exchange simulator through the official connector (streams) and
 * its REST client over real sockets, and publishes to a real Kafka broker and PostgreSQL. The tests run in order
 * on one feed: each leaves it connected and every released kline published once, in order, and checks that again.
 */
@PeregrineIntegrationTest
@SpringBootTest(
        classes = IngestServiceApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.config.name=peregrine-defaults,ingest-service",
            "management.server.port=0",
            "peregrine.ingest.binance.enabled=true",
            "peregrine.ingest.binance.intervals=1m",
            "peregrine.ingest.binance.streams=kline,aggTrade,bookTicker",
            // At least half a second: the klines released right after a drop cannot reach a new connection.
            "peregrine.ingest.binance.reconnect-initial-backoff=1s",
            "peregrine.ingest.binance.reconnect-max-backoff=5s",
            // The simulator streams only when a test advances it: no silence reconnects between
            // (LiveFeedResilienceIT tests them).
            "peregrine.ingest.binance.silence-timeout=10m"
        })
// The feed must stop with this class: it would otherwise keep reconnecting to a simulator that is gone.
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BinanceLiveFeedIT {
    private static final String RUN_TAG =
            Long.toString(System.currentTimeMillis() % 2_000_000_000L, 36).toUpperCase(Locale.ROOT);
    private static final String A = "LVA" + RUN_TAG + "USDT";
    private static final String B = "LVB" + RUN_TAG + "USDT";
    private static final String UNKNOWN = "LVX" + RUN_TAG + "USDT";
    private static final Instant START = Instant.parse("2024-06-03T00:00:00Z");
    private static final int HISTORY = 20;
    private static final Duration WAIT = Duration.ofSeconds(45);
    private static final Instant CLASS_STARTED = Instant.now();

    private static ExchangeSimulator exchange;

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    @Autowired
    JdbcClient jdbc;

    private final IngestHttp api = new IngestHttp();
    private final JsonMapper json = JsonMapper.builder().build();
    private final EventCodec codec = new EventCodec();
    private final String bootstrap = RealInfrastructure.get().kafkaBootstrapServers();

    @DynamicPropertySource
    static void exchange(DynamicPropertyRegistry registry) {
        exchange = ExchangeSimulator.start(SimulatorConfig.builder()
                .instrument(Instrument.trading(
                        A, "LVA" + RUN_TAG, "USDT", "0.01000000", "0.00001000", "0.00001000", "5.00000000"))
                .instrument(Instrument.trading(
                                B, "LVB" + RUN_TAG, "USDT", "0.00100000", "0.00100000", "0.00200000", "10.00000000")
                        .withNotionalFilter(Instrument.NotionalFilter.MIN_NOTIONAL))
                .klines(A, KlineInterval.M1, SimKlines.minutes(START, 200, 11, "60000.00"))
                .klines(B, KlineInterval.M1, SimKlines.minutes(START, 200, 12, "3000.00"))
                .klineUpdatesBeforeClose(1)
                .build());
        // History the start-up backfill finds.
        exchange.advance(HISTORY);
        registry.add("peregrine.ingest.binance.rest-base-url", exchange::restBaseUrl);
        registry.add("peregrine.ingest.binance.ws-base-url", exchange::wsBaseUrl);
        registry.add("peregrine.ingest.binance.symbols", () -> A + "," + UNKNOWN + "," + B);
    }

    @AfterAll
    static void stopExchange() {
        if (exchange != null) {
            exchange.close();
        }
    }

    @Test
    @Order(1)
    void instrumentsAreStoredAndPublishedTheHistoryIsBackfilledAndAnUnknownSymbolIsLeftOut() throws Exception {
        List<InstrumentUpdated> instruments;
        try (TopicProbe probe = TopicProbe.open(bootstrap, Topics.MARKET_INSTRUMENTS)) {
            instruments = probe.awaitMatching(2, keyedAny(A, B), WAIT).stream()
                    .map(r -> codec.decode(r.value(), InstrumentUpdated.class))
                    .toList();
        }
        InstrumentUpdated a = instruments.stream()
                .filter(i -> i.symbol().value().equals(A))
                .findFirst()
                .orElseThrow();
        InstrumentUpdated b = instruments.stream()
                .filter(i -> i.symbol().value().equals(B))
                .findFirst()
                .orElseThrow();
        assertThat(a.status()).isEqualTo("TRADING");
        assertThat(a.tickSize().text()).isEqualTo("0.01");
        assertThat(a.stepSize().text()).isEqualTo("0.00001");
        assertThat(a.minNotional().text()).isEqualTo("5");
        assertThat(a.maxQuantity().text()).as("LOT_SIZE maxQty").isEqualTo("9000");
        assertThat(a.maxNotional().text()).as("NOTIONAL maxNotional").isEqualTo("9000000");
        assertThat(a.marketMaxQuantity().text())
                .as("the simulator's MARKET_LOT_SIZE maxQty")
                .isEqualTo("100");
        assertThat(b.maxNotional()).as("MIN_NOTIONAL has none").isNull();
        assertThat(b.tickSize().text()).isEqualTo("0.001");
        assertThat(b.minQuantity().text()).isEqualTo("0.002");
        assertThat(b.minNotional().text()).as("from MIN_NOTIONAL").isEqualTo("10");
        Map<String, Object> row = jdbc.sql("SELECT status, tick_size, min_notional, max_qty, max_notional, event_id, "
                        + "published_at FROM ingest.instruments WHERE symbol = :symbol")
                .param("symbol", B)
                .query()
                .singleRow();
        assertThat(row.get("event_id")).isEqualTo(b.envelope().eventId());
        assertThat((BigDecimal) row.get("max_qty")).isEqualByComparingTo("9000");
        assertThat(row.get("max_notional")).isNull();
        assertThat(row.get("published_at")).isNotNull();
        assertThat(jdbc.sql("SELECT count(*) FROM ingest.instruments WHERE symbol = :s")
                        .param("s", UNKNOWN)
                        .query(Long.class)
                        .single())
                .isZero();

        awaitAllReleasedPublished();
        JsonNode stream = awaitStreamUp();
        assertThat(stream.at("/details/unknownSymbols").toString()).contains(UNKNOWN);
        assertThat(stream.at("/details/connections/ws-1/streams").asInt())
                .as("3 streams of A and B, none of the unknown")
                .isEqualTo(6);
        JsonNode readiness = health("/actuator/health/readiness");
        assertThat(readiness.at("/status").asString()).isEqualTo("UP");
        assertThat(readiness.at("/components/binanceStream/status").asString()).isEqualTo("UP");

        assertThat(get("/api/v1/connections", null).statusCode()).isEqualTo(401);
        HttpResponse<String> events = get("/api/v1/connections?limit=1000", TestTokens.VIEWER);
        assertThat(events.statusCode()).isEqualTo(200);
        List<String> types = new ArrayList<>();
        json.readTree(events.body())
                .forEach(event -> types.add(event.get("type").asString()));
        assertThat(types).contains("CONNECTED", "BACKFILL_REQUESTED", "BACKFILL_RECEIVED");
        assertThat(countEvents("BACKFILL_RECEIVED", A)).isGreaterThanOrEqualTo(1);
    }

    @Test
    @Order(2)
    void aDroppedStreamIsReconnectedAndTheCandlesReleasedMeanwhileAreBackfilledEachPublishedOnceInOrder()
            throws Exception {
        awaitStreamUp();
        exchange.advance(3);
        awaitAllReleasedPublished();
        double backfilledBefore = metric("peregrine_ingest_backfill_candles_total", "symbol=\"" + A + "\"");

        assertThat(exchange.faults().dropAllConnections()).isEqualTo(1);
        // Released while no connection is open: only REST can deliver these.
        exchange.advance(4);
        List<Instant> missed = exchange.released(A, KlineInterval.M1).reversed().subList(0, 4).stream()
                .map(Kline::openTime)
                .toList();

        awaitAllReleasedPublished();
        awaitStreamUp();
        exchange.advance(2);
        List<CandleClosed> candles = awaitAllReleasedPublished().get(A);

        assertThat(candles.stream().filter(c -> missed.contains(c.openTime())))
                .extracting(CandleClosed::source)
                .containsOnly("binance-rest")
                .hasSize(4);
        assertThat(candles.getLast().source()).isEqualTo("binance-ws");
        assertThat(candles).allSatisfy(c -> {
            assertThat(c.envelope().correlationId()).isEqualTo(c.envelope().eventId());
            assertThat(c.qualityFlags()).isEmpty();
        });
        assertThat(metric("peregrine_ingest_backfill_candles_total", "symbol=\"" + A + "\""))
                .isGreaterThanOrEqualTo(backfilledBefore + 4);
        assertThat(metric("peregrine_ingest_live_reconnects_total", "reason=\"dropped\""))
                .isGreaterThanOrEqualTo(1);
        assertThat(countEvents("DISCONNECTED", null)).isGreaterThanOrEqualTo(1);
        assertThat(countEvents("RECONNECTING", null)).isGreaterThanOrEqualTo(1);
        assertThat(jdbc.sql("SELECT detail FROM ingest.connection_events WHERE type = 'BACKFILL_REQUESTED' AND symbol "
                                + "= :s "
                                + "ORDER BY occurred_at DESC LIMIT 1")
                        .param("s", A)
                        .query(String.class)
                        .single())
                .startsWith("RECONNECT");
        assertThat(jdbc.sql("SELECT count(*) FROM ingest.candles c JOIN ingest.candle_publications p "
                                + "ON p.publication_id = c.publication_id WHERE c.symbol = :s")
                        .param("s", A)
                        .query(Long.class)
                        .single())
                .isEqualTo(exchange.released(A, KlineInterval.M1).size());
    }

    @Test
    @Order(3)
    void answers429And418AreObeyedNoRequestComesBeforeTheRetryAfterAndTheyAreCounted() throws Exception {
        awaitStreamUp();
        int logged = exchange.requests().size();
        exchange.faults().rateLimitNextRequests(1, 2);
        exchange.faults().banNextRequests(1, 3);

        // The reconnect backfills over REST, which meets the 429 and then the 418.
        exchange.faults().dropAllConnections();
        exchange.advance(2);
        awaitAllReleasedPublished();

        List<RecordedRequest> requests =
                exchange.requests().all().subList(logged, exchange.requests().size());
        assertThat(requests)
                .extracting(RecordedRequest::status)
                .startsWith(429, 418)
                .contains(200);
        assertThat(exchange.requests().retryAfterViolations()).isEmpty();
        assertThat(requests.get(1).at()).isAfterOrEqualTo(requests.get(0).at().plusSeconds(2));
        assertThat(requests.get(2).at()).isAfterOrEqualTo(requests.get(1).at().plusSeconds(3));
        assertThat(exchange.faults().count(FaultType.REST_429)).isEqualTo(1);
        assertThat(exchange.faults().count(FaultType.REST_418)).isEqualTo(1);
        assertThat(metric("peregrine_ingest_rest_limited_total", "status=\"429\""))
                .isGreaterThanOrEqualTo(1);
        assertThat(metric("peregrine_ingest_rest_limited_total", "status=\"418\""))
                .isGreaterThanOrEqualTo(1);
        assertThat(metric("peregrine_ingest_rest_used_weight", "")).isPositive();
        assertThat(countEvents("RATE_LIMITED", null)).isGreaterThanOrEqualTo(1);
        assertThat(countEvents("BANNED", null)).isGreaterThanOrEqualTo(1);
    }

    @Test
    @Order(4)
    void malformedTruncatedDuplicateAndOutOfOrderMessagesAreRejectedWithReasonsAndLaterCandlesStillArrive()
            throws Exception {
        awaitStreamUp();
        awaitAllReleasedPublished();
        Instant before = Instant.now();
        double malformedBefore = metric("peregrine_ingest_live_parse_failures_total", "reason=\"MALFORMED_JSON\"");

        assertThat(exchange.faults().sendMalformedMessage()).isEqualTo(1);
        assertThat(exchange.faults().sendTruncatedMessage()).isEqualTo(1);
        assertThat(exchange.faults().duplicateLastKline()).isEqualTo(1);
        assertThat(exchange.faults().sendOutOfOrderKline()).isEqualTo(1);
        exchange.advance(2);

        awaitAllReleasedPublished();
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(jdbc.sql("SELECT reason FROM ingest.rejections "
                                        + "WHERE source = 'binance-ws' AND rejected_at >= :before AND (symbol IS NULL OR symbol = :b) "
                                        + "ORDER BY line_number")
                                .param("before", before.atOffset(ZoneOffset.UTC))
                                .param("b", B)
                                .query(String.class)
                                .list())
                        .containsExactly("MALFORMED_JSON", "TRUNCATED", "DUPLICATE", "OUT_OF_ORDER"));
        assertThat(metric("peregrine_ingest_live_parse_failures_total", "reason=\"MALFORMED_JSON\""))
                .isEqualTo(malformedBefore + 1);
        assertThat(metric("peregrine_ingest_live_parse_failures_total", "reason=\"TRUNCATED\""))
                .isGreaterThanOrEqualTo(1);
        assertThat(metric("peregrine_ingest_lines_rejected_total", "reason=\"DUPLICATE\""))
                .isGreaterThanOrEqualTo(1);
        assertThat(metric("peregrine_ingest_lines_rejected_total", "reason=\"OUT_OF_ORDER\""))
                .isGreaterThanOrEqualTo(1);
        try (TopicProbe quality = TopicProbe.open(bootstrap, Topics.MARKET_QUALITY)) {
            List<String> rules = quality.awaitMatching(2, keyedAny(B), WAIT).stream()
                    .map(r -> codec.decode(r.value(), QualityIncident.class))
                    .filter(i -> i.source().equals("binance-ws"))
                    .map(QualityIncident::rule)
                    .toList();
            assertThat(rules).contains("DUPLICATE", "OUT_OF_ORDER");
        }
        assertThat(countEvents("DISCONNECTED", null, before))
                .as("a bad message does not drop the connection")
                .isZero();
    }

    /**
     * Waits until every kline the exchange released is on market.candles.v1, then checks each is there once, in order.
     */
    private Map<String, List<CandleClosed>> awaitAllReleasedPublished() {
        try (TopicProbe probe = TopicProbe.open(bootstrap, Topics.MARKET_CANDLES)) {
            int expected = exchange.released(A, KlineInterval.M1).size()
                    + exchange.released(B, KlineInterval.M1).size();
            List<ConsumerRecord<String, String>> records = probe.awaitMatching(expected, keyedAny(A, B), WAIT);
            Map<String, List<CandleClosed>> bySymbol = new HashMap<>();
            for (ConsumerRecord<String, String> record : records) {
                CandleClosed candle = codec.decode(record.value(), CandleClosed.class);
                bySymbol.computeIfAbsent(candle.symbol().value(), s -> new ArrayList<>())
                        .add(candle);
            }
            for (String symbol : List.of(A, B)) {
                assertThat(bySymbol.get(symbol))
                        .extracting(CandleClosed::openTime)
                        .as("every released kline of %s once, in order", symbol)
                        .containsExactlyElementsOf(exchange.released(symbol, KlineInterval.M1).stream()
                                .map(Kline::openTime)
                                .toList());
            }
            return bySymbol;
        }
    }

    private JsonNode awaitStreamUp() throws Exception {
        await().atMost(WAIT)
                .until(() -> exchange.openConnections() == 1
                        && "OPEN"
                                .equals(health("/actuator/health")
                                        .at("/components/binanceStream/details/connections/ws-1/status")
                                        .asString()));
        return health("/actuator/health").at("/components/binanceStream");
    }

    private static Predicate<ConsumerRecord<String, String>> keyedAny(String... symbols) {
        List<String> keys = List.of(symbols);
        return record -> keys.contains(record.key());
    }

    private long countEvents(String type, String symbol) {
        return countEvents(type, symbol, CLASS_STARTED);
    }

    /** Events of this class's feed: the table also holds those of earlier runs against a long-lived database. */
    private long countEvents(String type, String symbol, Instant since) {
        return jdbc.sql("SELECT count(*) FROM ingest.connection_events WHERE type = :type AND occurred_at >= :since "
                        + (symbol == null ? "" : "AND symbol = :symbol"))
                .param("type", type)
                .param("since", since.atOffset(ZoneOffset.UTC))
                .params(symbol == null ? Map.of() : Map.of("symbol", symbol))
                .query(Long.class)
                .single();
    }

    /** Health details are shown to a VIEWER only. */
    private JsonNode health(String path) {
        return ServiceApi.json(ServiceApi.at(managementPort).asViewer().get(path));
    }

    private HttpResponse<String> get(String path, String token) {
        return ServiceApi.at(port).as(token).get(path);
    }

    private double metric(String name, String labels) {
        return api.metric(managementPort, name, labels);
    }
}
