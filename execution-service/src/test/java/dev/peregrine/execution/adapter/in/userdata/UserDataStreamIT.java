package dev.peregrine.execution.adapter.in.userdata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.binance.connector.client.impl.SpotClientImpl;
import com.binance.connector.client.impl.spot.Trade;
import dev.peregrine.common.event.AccountSnapshot;
import dev.peregrine.common.event.AccountSnapshot.AssetBalance;
import dev.peregrine.exchangesim.ConnectionClosure;
import dev.peregrine.exchangesim.ExchangeSimulator;
import dev.peregrine.exchangesim.Instrument;
import dev.peregrine.exchangesim.Kline;
import dev.peregrine.exchangesim.KlineInterval;
import dev.peregrine.exchangesim.SimulatorConfig;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The user data stream against exchange-sim's WebSocket API over real sockets: orders placed through the official
 * connector's REST calls reach execution as lookups of their client ids, balances as the venue's snapshots, and every
 * user data fault ends in a new subscription followed by a stream gap (a reconciliation).
 */
class UserDataStreamIT {

    private static final String API_KEY = "udsApiKey000000000000000000000000000000000000000000000000000Ab12";
    private static final String SECRET_KEY = "udsSecretKey0000000000000000000000000000000000000000000000000Zz99";
    private static final String SYMBOL = "BTCUSDT";
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Duration NO_PLANNED_RECONNECT = Duration.ofHours(1);
    private static final Instant START = Instant.parse("2024-01-01T00:00:00Z");

    private ExchangeSimulator exchange;
    private StreamUnderTest subject;
    private Trade trade;

    @AfterEach
    void stop() {
        if (subject != null) {
            subject.close();
        }
        if (exchange != null) {
            exchange.close();
        }
    }

    private void startExchange(SimulatorConfig.Builder builder) {
        exchange = ExchangeSimulator.start(builder.instrument(
                        Instrument.trading(SYMBOL, "BTC", "USDT", "0.01", "0.00001", "0.00001", "5"))
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
                .balance("USDT", "1000")
                .balance("BTC", "2")
                .apiKeys(API_KEY, SECRET_KEY)
                .build());
        exchange.advance(1);
        trade = new SpotClientImpl(API_KEY, SECRET_KEY, exchange.restBaseUrl()).createTrade();
    }

    /** A subscribed stream: the first gap (the start-up's) has been reported. */
    private void subscribe(Duration reconnectAfter) {
        subject = new StreamUnderTest(exchange.wsApiUrl(), API_KEY, SECRET_KEY, venueTime(), reconnectAfter).started();
        await().atMost(WAIT).until(() -> subject.venueEvents.gaps.size() == 1 && subject.connected());
        assertThat(subject.venueEvents.gaps).containsExactly("start-up");
    }

    private VenueTimestamps venueTime() {
        return new VenueTimestamps() {
            @Override
            public long nowMillis() {
                return exchange.serverTime().toEpochMilli();
            }

            @Override
            public void resync() {}
        };
    }

    private Map<String, Object> params(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        map.put("timestamp", exchange.serverTime().toEpochMilli());
        return map;
    }

    private void marketBuy(String clientOrderId) {
        trade.newOrder(params(
                "symbol", SYMBOL, "side", "BUY", "type", "MARKET", "quantity", "1", "newClientOrderId", clientOrderId));
    }

    private static String amounts(AssetBalance balance) {
        return balance.asset() + " " + plain(balance.free()) + " " + plain(balance.locked());
    }

    private String venueAmounts(String asset) {
        return asset + " " + plain(exchange.freeBalance(asset)) + " " + plain(exchange.lockedBalance(asset));
    }

    private static String plain(BigDecimal amount) {
        return amount.stripTrailingZeros().toPlainString();
    }

    /** A gap reported after the start-up's whose reason starts with the reconnect's tag. */
    private boolean gapAfter(ReconnectReason reason) {
        return subject.venueEvents.gaps.stream().skip(1).anyMatch(why -> why.startsWith(reason.tag() + ":"));
    }

    @Test
    void anOrderPlacedOverRestIsLookedUpByItsClientIdAndBalancesArriveAsTheVenueHasThem() {
        startExchange(SimulatorConfig.builder());
        subscribe(NO_PLANNED_RECONNECT);

        marketBuy("buy-1");

        await().atMost(WAIT)
                .until(() -> subject.venueEvents.changesOf("buy-1") == 2 && !subject.venueEvents.accounts.isEmpty());
        AccountSnapshot snapshot = subject.venueEvents.accounts.getLast();
        assertThat(snapshot.venue()).isEqualTo("binance");
        assertThat(snapshot.balances())
                .extracting(UserDataStreamIT::amounts)
                .containsExactly(venueAmounts("BTC"), venueAmounts("USDT"));
        assertThat(venueAmounts("BTC")).isEqualTo("BTC 2.999 0");
        assertThat(subject.events("executionReport")).isEqualTo(2);
        assertThat(subject.events("answer")).isEqualTo(1);
        assertThat(subject.venueEvents.gaps).containsExactly("start-up");
    }

    @Test
    void aCancelIsLookedUpByTheCanceledOrdersIdAndTheLockedBalanceIsReported() {
        startExchange(SimulatorConfig.builder());
        subscribe(NO_PLANNED_RECONNECT);

        trade.newOrder(params(
                "symbol",
                SYMBOL,
                "side",
                "SELL",
                "type",
                "LIMIT",
                "timeInForce",
                "GTC",
                "quantity",
                "1",
                "price",
                "120.00",
                "newClientOrderId",
                "tp-1"));
        await().atMost(WAIT).until(() -> subject.venueEvents.accounts.size() == 1);
        assertThat(subject.venueEvents.accounts.getFirst().balances())
                .extracting(UserDataStreamIT::amounts)
                .contains(venueAmounts("BTC"));
        assertThat(venueAmounts("BTC")).isEqualTo("BTC 1 1");
        trade.cancelOrder(params("symbol", SYMBOL, "origClientOrderId", "tp-1", "newClientOrderId", "cancel-1"));

        await().atMost(WAIT).until(() -> subject.venueEvents.changesOf("tp-1") == 2);
        assertThat(subject.venueEvents.ordersChanged).containsExactly("tp-1", "tp-1");
    }

    @Test
    void aDuplicatedExecutionReportIsDeliveredTwiceWhichIsHarmlessBecauseItOnlyTriggersALookup() {
        startExchange(SimulatorConfig.builder());
        subscribe(NO_PLANNED_RECONNECT);
        exchange.faults().userData().duplicateNextExecutionReports(1);

        marketBuy("twice");

        // NEW twice (the duplicate), then TRADE: three lookups of one order, each settled by the venue's answer.
        await().atMost(WAIT).until(() -> subject.venueEvents.changesOf("twice") == 3);
        assertThat(subject.events("executionReport")).isEqualTo(3);
    }

    @Test
    void delayedExecutionReportsStillArriveAfterTheBalances() {
        startExchange(SimulatorConfig.builder());
        subscribe(NO_PLANNED_RECONNECT);
        exchange.faults().userData().delayExecutionReports(Duration.ofMillis(300));

        marketBuy("late");

        await().atMost(WAIT).until(() -> subject.venueEvents.changesOf("late") == 2);
        assertThat(subject.venueEvents.accounts).hasSize(1);
    }

    @Test
    void aDroppedConnectionIsReplacedAndReconciled() {
        startExchange(SimulatorConfig.builder());
        subscribe(NO_PLANNED_RECONNECT);

        assertThat(exchange.faults().userData().dropConnections()).isEqualTo(1);

        await().atMost(WAIT).until(() -> gapAfter(ReconnectReason.DROPPED) && subject.connected());
        assertThat(subject.reconnects(ReconnectReason.DROPPED)).isEqualTo(1);
        marketBuy("after-drop");
        await().atMost(WAIT).until(() -> subject.venueEvents.changesOf("after-drop") == 2);
    }

    @Test
    void aServerShutdownIsFollowedAtOnceByANewSubscriptionAndReconciled() {
        startExchange(SimulatorConfig.builder());
        subscribe(NO_PLANNED_RECONNECT);

        exchange.faults().userData().shutdownServer();

        await().atMost(WAIT).until(() -> gapAfter(ReconnectReason.SERVER_SHUTDOWN) && subject.connected());
        assertThat(subject.reconnects(ReconnectReason.SERVER_SHUTDOWN)).isEqualTo(1);
        assertThat(subject.reconnects(ReconnectReason.CLOSED_BY_SERVER)).isZero();
        assertThat(subject.events("serverShutdown")).isEqualTo(1);
        assertThat(exchange.connectionClosures())
                .extracting(ConnectionClosure::reason)
                .contains(ConnectionClosure.Reason.SERVER_SHUTDOWN);
    }

    @Test
    void aConnectionClosedAtTheServersMaximumAgeIsReplacedAndReconciled() {
        startExchange(SimulatorConfig.builder()
                .wsApiMaxConnectionAge(Duration.ofMillis(700))
                .housekeepingPeriod(Duration.ofMillis(50)));
        subscribe(NO_PLANNED_RECONNECT);

        await().atMost(WAIT).until(() -> gapAfter(ReconnectReason.CLOSED_BY_SERVER));
        assertThat(exchange.connectionClosures())
                .extracting(ConnectionClosure::reason)
                .contains(ConnectionClosure.Reason.MAX_AGE_REACHED);
        assertThat(subject.reconnects(ReconnectReason.CLOSED_BY_SERVER)).isPositive();
    }

    @Test
    void aPlannedReconnectReplacesTheConnectionBeforeTheServersLimit() {
        startExchange(SimulatorConfig.builder().wsApiMaxConnectionAge(Duration.ofHours(24)));
        subscribe(Duration.ofMillis(500));

        await().atMost(WAIT).until(() -> gapAfter(ReconnectReason.PLANNED) && subject.connected());
        assertThat(subject.reconnects(ReconnectReason.PLANNED)).isPositive();
        assertThat(subject.reconnects(ReconnectReason.CLOSED_BY_SERVER)).isZero();
        assertThat(exchange.connectionClosures())
                .extracting(ConnectionClosure::reason)
                .doesNotContain(ConnectionClosure.Reason.MAX_AGE_REACHED);
    }

    @Test
    void aSilentConnectionWithoutPongsIsDetectedReplacedAndReconciledOnceTheServerAnswersAgain() {
        startExchange(SimulatorConfig.builder());
        subscribe(NO_PLANNED_RECONNECT);

        exchange.faults().userData().goSilent(false);
        marketBuy("lost");

        await().atMost(WAIT).until(() -> subject.reconnects(ReconnectReason.SILENT) >= 1);
        assertThat(subject.venueEvents.changesOf("lost")).isZero();
        assertThat(exchange.faults().userData().suppressedEvents()).isPositive();
        assertThat(subject.connected()).isFalse();
        exchange.faults().userData().resume();

        // The events lost while silent are what the gap's reconciliation is for.
        await().atMost(WAIT).until(() -> gapAfter(ReconnectReason.SILENT) && subject.connected());
    }

    @Test
    void aRefusedSubscriptionIsRetriedWithBackOffAndNeverStopsTheStream() {
        startExchange(SimulatorConfig.builder());
        subject = new StreamUnderTest(exchange.wsApiUrl(), API_KEY, "notTheSecret", venueTime(), NO_PLANNED_RECONNECT)
                .started();

        await().atMost(WAIT).until(() -> subject.reconnects(ReconnectReason.SUBSCRIPTION_REFUSED) >= 4);
        assertThat(subject.stream.isRunning()).isTrue();
        assertThat(subject.connected()).isFalse();
        assertThat(subject.venueEvents.gaps).isEmpty();
    }

    @Test
    void aStaleTimestampIsRefusedThenTheVenueClockIsMeasuredAgainAndTheSubscriptionSucceeds() {
        startExchange(SimulatorConfig.builder());
        AtomicLong skewMillis = new AtomicLong(-Duration.ofHours(1).toMillis());
        AtomicInteger resyncs = new AtomicInteger();
        VenueTimestamps drifted = new VenueTimestamps() {
            @Override
            public long nowMillis() {
                return exchange.serverTime().toEpochMilli() + skewMillis.get();
            }

            @Override
            public void resync() {
                resyncs.incrementAndGet();
                skewMillis.set(0);
            }
        };
        subject =
                new StreamUnderTest(exchange.wsApiUrl(), API_KEY, SECRET_KEY, drifted, NO_PLANNED_RECONNECT).started();

        await().atMost(WAIT).until(() -> subject.venueEvents.gaps.size() == 1 && subject.connected());
        assertThat(resyncs).hasValue(1);
        assertThat(subject.reconnects(ReconnectReason.SUBSCRIPTION_REFUSED)).isEqualTo(1);
        assertThat(subject.venueEvents.gaps.getFirst()).isEqualTo("start-up");
    }

    @Test
    void stoppingClosesTheConnectionAndReportsNothingMore() {
        startExchange(SimulatorConfig.builder());
        subscribe(NO_PLANNED_RECONNECT);

        subject.close();

        assertThat(subject.stream.isRunning()).isFalse();
        assertThat(subject.connected()).isFalse();
        await().atMost(WAIT).until(() -> exchange.openConnections() == 0);
        marketBuy("after-stop");
        assertThat(subject.venueEvents.ordersChanged).isEmpty();
        assertThat(subject.venueEvents.gaps).containsExactly("start-up");
    }
}
