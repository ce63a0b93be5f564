package dev.peregrine.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.peregrine.common.Topics;
import dev.peregrine.common.event.CandleClosed;
import dev.peregrine.common.json.EventCodec;
import dev.peregrine.exchangesim.ExchangeSimulator;
import dev.peregrine.exchangesim.Instrument;
import dev.peregrine.exchangesim.Kline;
import dev.peregrine.exchangesim.KlineInterval;
import dev.peregrine.exchangesim.SimulatorConfig;
import dev.peregrine.testkit.PeregrineIntegrationTest;
import dev.peregrine.testkit.RealInfrastructure;
import dev.peregrine.testkit.TopicProbe;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The live feed's bounds against the exchange simulator over real sockets, with real Kafka and PostgreSQL: a flood
 * of messages faster than the feed thread handles them overflows the bounded queue (the connection is closed,
 * reconnected and backfilled, and every released kline still reaches {@code market.candles.v1} once, in order), and
 * a stalled stream (open, but carrying nothing) is noticed by the silence timeout and reconnected, its klines
 * backfilled over REST.
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
            "peregrine.ingest.binance.streams=kline",
            "peregrine.ingest.binance.reconnect-initial-backoff=1s",
            "peregrine.ingest.binance.reconnect-max-backoff=2s",
            "peregrine.ingest.binance.max-queued-messages=100",
            "peregrine.ingest.binance.silence-timeout=5s"
        })
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LiveFeedResilienceIT {

    private static final String RUN_TAG =
            Long.toString(System.currentTimeMillis() % 2_000_000_000L, 36).toUpperCase(Locale.ROOT);
    private static final String A = "LRA" + RUN_TAG + "USDT";
    private static final Instant START = Instant.parse("2024-06-03T00:00:00Z");
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final int FLOOD = 5000;

    private static ExchangeSimulator exchange;

    @LocalManagementPort
    int managementPort;

    @Autowired
    JdbcClient jdbc;

    private final IngestHttp api = new IngestHttp();
    private final EventCodec codec = new EventCodec();
    private final String bootstrap = RealInfrastructure.get().kafkaBootstrapServers();

    @DynamicPropertySource
    static void exchange(DynamicPropertyRegistry registry) {
        exchange = ExchangeSimulator.start(SimulatorConfig.builder()
                .instrument(Instrument.trading(
                        A, "LRA" + RUN_TAG, "USDT", "0.01000000", "0.00001000", "0.00001000", "5.00000000"))
                .klines(A, KlineInterval.M1, SimKlines.minutes(START, 200, 13, "60000.00"))
                .klineUpdatesBeforeClose(1)
                .build());
        exchange.advance(10);
        registry.add("peregrine.ingest.binance.rest-base-url", exchange::restBaseUrl);
        registry.add("peregrine.ingest.binance.ws-base-url", exchange::wsBaseUrl);
        registry.add("peregrine.ingest.binance.symbols", () -> A);
    }

    @AfterAll
    static void stopExchange() {
        if (exchange != null) {
            exchange.close();
        }
    }

    @Test
    @Order(1)
    // Whether a flood outruns the feed thread depends on how loaded the machine is: on a busy 2-core CI machine it did
    // not (the overflow itself is covered deterministically by LiveFeedTest). Run it on purpose with
    // -Dperegrine.ingest.flood-it=true.
    @EnabledIfSystemProperty(
            named = "peregrine.ingest.flood-it",
            matches = "true",
            disabledReason = "timing-dependent flood; run with -Dperegrine.ingest.flood-it=true")
    void aFloodFasterThanTheFeedOverflowsTheQueueTheConnectionIsReconnectedAndNothingIsLost() {
        awaitAllReleasedPublished();
        awaitStreamUp();
        Instant before = Instant.now();
        double overflowsBefore = metric("peregrine_ingest_live_queue_overflows_total", "");

        // Each unreadable message costs the feed thread a write to ingest.rejections: thousands at once outrun it.
        for (int i = 0; i < FLOOD; i++) {
            exchange.faults().sendRawText("not json " + i);
        }
        exchange.advance(3);

        await().atMost(WAIT).until(() -> metric("peregrine_ingest_live_queue_overflows_total", "") > overflowsBefore);
        assertThat(metric("peregrine_ingest_live_messages_shed_total", "")).isPositive();
        // Audited by the feed thread once it reaches the overflow behind the queued messages.
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(disconnectsSince(before))
                        .anySatisfy(detail -> assertThat(detail)
                                .startsWith("overflow: more than 100 messages waiting for the feed thread "
                                        + "(peregrine.ingest.binance.max-queued-messages)")));
        awaitStreamUp();
        assertThat(metric("peregrine_ingest_live_reconnects_total", "reason=\"overflow\""))
                .isGreaterThanOrEqualTo(1);
        exchange.advance(1);
        awaitAllReleasedPublished();
        assertThat(metric("peregrine_ingest_live_queue_messages", "")).isLessThanOrEqualTo(100);
    }

    @Test
    @Order(2)
    void aStalledStreamIsNoticedByItsSilenceReconnectedAndWhatWasReleasedMeanwhileIsBackfilled() {
        awaitStreamUp();
        awaitAllReleasedPublished();
        Instant before = Instant.now();
        double silentBefore = metric("peregrine_ingest_live_reconnects_total", "reason=\"silent\"");

        // The connection stays open but carries nothing: only the silence timeout can tell.
        exchange.faults().stallStreams(Duration.ofMinutes(5));
        exchange.advance(3);
        List<Instant> stalled = exchange.released(A, KlineInterval.M1).reversed().subList(0, 3).stream()
                .map(Kline::openTime)
                .toList();

        List<CandleClosed> candles = awaitAllReleasedPublished();
        assertThat(candles.stream().filter(c -> stalled.contains(c.openTime())))
                .extracting(CandleClosed::source)
                .containsOnly("binance-rest")
                .hasSize(3);
        assertThat(metric("peregrine_ingest_live_reconnects_total", "reason=\"silent\""))
                .isGreaterThan(silentBefore);
        // The connection audit is written by the feed thread, which may still be on it when the backfill is out.
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(disconnectsSince(before))
                        .anySatisfy(detail -> assertThat(detail)
                                .startsWith("silent: no message since ")
                                .contains("more than PT5S (peregrine.ingest.binance.silence-timeout)")));
        exchange.faults().stallStreams(Duration.ZERO);
    }

    private List<String> disconnectsSince(Instant since) {
        return jdbc.sql("SELECT detail FROM ingest.connection_events WHERE type = 'DISCONNECTED' AND occurred_at >= "
                        + ":since "
                        + "ORDER BY occurred_at")
                .param("since", since.atOffset(ZoneOffset.UTC))
                .query(String.class)
                .list();
    }

    /**
     * Waits until every kline the exchange released is on market.candles.v1, then checks each is there once, in order.
     */
    private List<CandleClosed> awaitAllReleasedPublished() {
        try (TopicProbe probe = TopicProbe.open(bootstrap, Topics.MARKET_CANDLES)) {
            List<Instant> released = exchange.released(A, KlineInterval.M1).stream()
                    .map(Kline::openTime)
                    .toList();
            List<ConsumerRecord<String, String>> records =
                    probe.awaitMatching(released.size(), IngestHttp.keyed(A), WAIT);
            List<CandleClosed> candles = records.stream()
                    .map(r -> codec.decode(r.value(), CandleClosed.class))
                    .toList();
            assertThat(candles)
                    .extracting(CandleClosed::openTime)
                    .as("every released kline once, in order")
                    .containsExactlyElementsOf(released);
            return candles;
        }
    }

    private void awaitStreamUp() {
        await().atMost(WAIT)
                .until(() ->
                        exchange.openConnections() == 1 && metric("peregrine_ingest_live_connections_open", "") == 1);
    }

    private double metric(String name, String labels) {
        return api.metric(managementPort, name, labels);
    }
}
