package dev.peregrine.ingest.adapter.out.binance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.peregrine.common.value.Interval;
import dev.peregrine.common.value.Symbol;
import dev.peregrine.exchangesim.ExchangeSimulator;
import dev.peregrine.exchangesim.FaultType;
import dev.peregrine.exchangesim.Instrument;
import dev.peregrine.exchangesim.KlineInterval;
import dev.peregrine.exchangesim.RecordedRequest;
import dev.peregrine.exchangesim.SimulatorConfig;
import dev.peregrine.ingest.SimKlines;
import dev.peregrine.ingest.adapter.out.pacing.SleepingPacer;
import dev.peregrine.ingest.application.BackfillService;
import dev.peregrine.ingest.application.ConnectionAudit;
import dev.peregrine.ingest.application.port.out.ConnectionEventStore;
import dev.peregrine.ingest.application.port.out.ExchangeUnavailableException;
import dev.peregrine.ingest.application.port.out.FeedMetrics;
import dev.peregrine.ingest.application.port.out.InstrumentLookup;
import dev.peregrine.ingest.domain.Candle;
import dev.peregrine.ingest.domain.RejectionReason;
import dev.peregrine.ingest.domain.Series;
import dev.peregrine.ingest.domain.live.BackfillRange;
import dev.peregrine.ingest.domain.live.CandleArrival;
import dev.peregrine.ingest.domain.live.ConnectionEvent;
import dev.peregrine.ingest.domain.live.ConnectionEventType;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The REST client against the exchange simulator over real sockets: pagination, exchangeInfo with an unknown
 * symbol, and the answers that must be obeyed (429 and 418 with Retry-After, 5xx, a ban too long to wait for).
 */
class BinanceRestClientIT {

    private static final Instant START = Instant.parse("2024-06-01T00:00:00Z");
    private static final Series BTC = new Series(Symbol.of("BTCUSDT"), Interval.ONE_MINUTE);

    private final List<ConnectionEvent> events = new CopyOnWriteArrayList<>();
    private final List<Integer> limited = new CopyOnWriteArrayList<>();
    private final List<Integer> usedWeights = new CopyOnWriteArrayList<>();
    private ExchangeSimulator exchange;
    private BinanceRestClient client;

    @BeforeEach
    void start() {
        exchange = ExchangeSimulator.start(SimulatorConfig.builder()
                .instrument(Instrument.trading(
                        "BTCUSDT", "BTC", "USDT", "0.01000000", "0.00001000", "0.00001000", "5.00000000"))
                .instrument(Instrument.trading(
                                "ETHUSDT", "ETH", "USDT", "0.01000000", "0.00010000", "0.00010000", "10.00000000")
                        .withNotionalFilter(Instrument.NotionalFilter.MIN_NOTIONAL)
                        .withStatus("BREAK"))
                .klines("BTCUSDT", KlineInterval.M1, SimKlines.minutes(START, 2500, 1, "60000.00"))
                .build());
        ConnectionEventStore store = new ConnectionEventStore() {
            @Override
            public void record(ConnectionEvent event) {
                events.add(event);
            }

            @Override
            public List<ConnectionEvent> recent(int limit) {
                return List.copyOf(events);
            }
        };
        client = BinanceRestClients.create(
                new RestSettings(
                        exchange.restBaseUrl(),
                        Duration.ofSeconds(5),
                        6000,
                        0.8,
                        50,
                        5,
                        Duration.ofSeconds(30),
                        Duration.ofSeconds(2),
                        Duration.ofSeconds(30)),
                new ConnectionAudit(store, Clock.systemUTC(), UUID::randomUUID),
                new Metrics(),
                Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        exchange.close();
    }

    private final class Metrics implements FeedMetrics {
        @Override
        public void parseFailure(RejectionReason reason) {}

        @Override
        public void reconnect(String reason) {}

        @Override
        public void queuedMessages(IntSupplier queued) {}

        @Override
        public void queueOverflow() {}

        @Override
        public void messageShed() {}

        @Override
        public void openConnections(int open) {}

        @Override
        public void liveCandlePublished(
                Series series, CandleArrival.Origin origin, Optional<Duration> sinceEventTime) {}

        @Override
        public void restUsedWeight(int used) {
            usedWeights.add(used);
        }

        @Override
        public void restLimited(int status) {
            limited.add(status);
        }
    }

    @Test
    void aBackfillReadsEveryReleasedKlineInPagesOfAThousand() {
        exchange.advance(2500);
        BackfillService backfill = new BackfillService(client, new SleepingPacer(), Clock.systemUTC(), 100_000);

        List<Candle> candles = backfill.fetch(BTC, BackfillRange.since(START));

        assertThat(candles).hasSize(2500);
        assertThat(candles).extracting(Candle::openTime).isSorted().doesNotHaveDuplicates();
        assertThat(candles.getFirst().open()).isEqualByComparingTo("60000.00");
        assertThat(exchange.requests().all())
                .extracting(RecordedRequest::query)
                .allMatch(q -> q.contains("limit=1000"))
                .hasSize(3);
        assertThat(usedWeights).containsExactly(2, 4, 6);
        assertThat(backfill.fetch(BTC, BackfillRange.latest(1200)))
                .hasSize(1200)
                .extracting(Candle::openTime)
                .endsWith(START.plus(Duration.ofMinutes(2499)));
    }

    @Test
    void aRateLimitAndABanAreWaitedOutNoRequestComesBeforeItsRetryAfter() {
        exchange.advance(10);
        exchange.faults().rateLimitNextRequests(1, 1);
        exchange.faults().banNextRequests(1, 2);
        long started = System.nanoTime();

        List<Candle> candles = client.klines(BTC, Optional.of(START), Optional.empty(), 1000);

        assertThat(candles).hasSize(10);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofSeconds(3));
        List<RecordedRequest> requests = exchange.requests().all();
        assertThat(requests).extracting(RecordedRequest::status).containsExactly(429, 418, 200);
        assertThat(exchange.requests().retryAfterViolations()).isEmpty();
        assertThat(requests.get(1).at()).isAfterOrEqualTo(requests.get(0).retryNotBefore());
        assertThat(requests.get(2).at()).isAfterOrEqualTo(requests.get(1).retryNotBefore());
        assertThat(limited).containsExactly(429, 418);
        assertThat(events)
                .extracting(ConnectionEvent::type)
                .containsExactly(ConnectionEventType.RATE_LIMITED, ConnectionEventType.BANNED);
        assertThat(events.get(1).detail()).contains("answered 418 with Retry-After 2");
    }

    @Test
    void aBanLongerThanTheLongestWaitFailsAtOnceAndSendsNothingMore() {
        exchange.faults().banNextRequests(1, 120);

        assertThatThrownBy(() -> client.klines(BTC, Optional.of(START), Optional.empty(), 10))
                .isInstanceOf(ExchangeUnavailableException.class)
                .hasMessageContaining("IP banned (418)")
                .hasMessageContaining("max-retry-wait");
        assertThatThrownBy(() -> client.klines(BTC, Optional.of(START), Optional.empty(), 10))
                .isInstanceOf(ExchangeUnavailableException.class);
        assertThat(exchange.requests().size()).isEqualTo(1);
    }

    @Test
    void serverErrorsAreRetried() {
        exchange.advance(3);
        exchange.faults().serverErrorNextRequests(2, 503);

        assertThat(client.klines(BTC, Optional.empty(), Optional.empty(), 10)).hasSize(3);
        assertThat(exchange.faults().count(FaultType.REST_5XX)).isEqualTo(2);
        assertThat(exchange.requests().all())
                .extracting(RecordedRequest::status)
                .containsExactly(503, 503, 200);
    }

    @Test
    void exchangeInfoGivesTheFiltersAndFindsOutWhichSymbolIsUnknown() {
        InstrumentLookup lookup =
                client.lookup(List.of(Symbol.of("BTCUSDT"), Symbol.of("NOPEUSDT"), Symbol.of("ETHUSDT")));

        assertThat(lookup.unknown()).containsExactly(Symbol.of("NOPEUSDT"));
        assertThat(lookup.found()).extracting(i -> i.symbol().value()).containsExactly("BTCUSDT", "ETHUSDT");
        var btc = lookup.found().getFirst();
        assertThat(btc.status()).isEqualTo("TRADING");
        assertThat(btc.tickSize()).isEqualByComparingTo("0.01");
        assertThat(btc.stepSize()).isEqualByComparingTo("0.00001");
        assertThat(btc.minQuantity()).isEqualByComparingTo("0.00001");
        assertThat(btc.minNotional()).isEqualByComparingTo("5");
        assertThat(btc.maxQuantity()).as("LOT_SIZE maxQty").isEqualByComparingTo("9000");
        assertThat(btc.maxNotional()).as("NOTIONAL maxNotional").isEqualByComparingTo("9000000");
        // The simulator serves MARKET_LOT_SIZE with stepSize 0 (LOT_SIZE's rules) and a maxQty.
        assertThat(btc.marketMaxQuantity()).as("MARKET_LOT_SIZE maxQty").isEqualByComparingTo("100");
        var eth = lookup.found().get(1);
        assertThat(eth.status()).isEqualTo("BREAK");
        assertThat(eth.minNotional()).as("from MIN_NOTIONAL").isEqualByComparingTo(new BigDecimal("10"));
        assertThat(eth.maxNotional()).as("MIN_NOTIONAL has no maximum").isNull();
        // One request for the list, refused for the unknown symbol, then one per symbol.
        assertThat(exchange.requests().all())
                .extracting(RecordedRequest::status)
                .containsExactly(400, 200, 400, 200);
    }
}
