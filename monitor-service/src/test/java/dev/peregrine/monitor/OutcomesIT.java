package dev.peregrine.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.peregrine.common.Topics;
import dev.peregrine.common.event.CandleClosed;
import dev.peregrine.common.event.Envelope;
import dev.peregrine.common.event.Grade;
import dev.peregrine.common.event.OrderAccepted;
import dev.peregrine.common.event.PositionChanged;
import dev.peregrine.common.event.SignalOutcomeMeasured;
import dev.peregrine.common.event.SignalValidated;
import dev.peregrine.common.event.TradeApproved;
import dev.peregrine.common.id.IdGenerator;
import dev.peregrine.common.json.EventCodec;
import dev.peregrine.common.value.Money;
import dev.peregrine.common.value.Price;
import dev.peregrine.common.value.Quantity;
import dev.peregrine.common.value.Side;
import dev.peregrine.monitor.application.MeasureOutcomesService;
import dev.peregrine.monitor.application.port.out.OutcomeEvents;
import dev.peregrine.monitor.application.port.out.OutcomeMetrics;
import dev.peregrine.monitor.application.port.out.OutcomeStore;
import dev.peregrine.monitor.config.MonitorProperties;
import dev.peregrine.monitor.domain.outcome.OutcomeCandle;
import dev.peregrine.platform.kafka.EventPublisher;
import dev.peregrine.testkit.PeregrineIntegrationTest;
import dev.peregrine.testkit.RealInfrastructure;
import dev.peregrine.testkit.TopicProbe;
import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

// Same properties as MonitorServiceIT, so that both run in one cached context (one set of listeners per group).
@PeregrineIntegrationTest
@SpringBootTest(
        classes = MonitorServiceApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=peregrine-defaults,monitor-service", "management.server.port=0"})
class OutcomesIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Instant START = Instant.parse("2024-01-01T00:00:00Z");

    @Autowired
    EventPublisher publisher;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    OutcomeStore store;

    @Autowired
    OutcomeEvents outcomeEvents;

    @Autowired
    OutcomeMetrics outcomeMetrics;

    @Autowired
    MonitorProperties properties;

    @Autowired
    Clock clock;

    @Autowired
    IdGenerator ids;

    @Autowired
    MeterRegistry registry;

    private final String bootstrap = RealInfrastructure.get().kafkaBootstrapServers();
    private final EventCodec codec = new EventCodec();

    @Test
    void signalsAndCandlesInOutcomesOutAtEveryHorizonPersistedAndPublishedOnce() {
        OutcomeTestEvents market = new OutcomeTestEvents(randomSymbol(), START);
        SignalValidated buy = market.signal(0, "ema-cross", Side.BUY, Grade.A);
        SignalValidated sell = market.signal(0, "rsi-revert", Side.SELL, Grade.D);

        try (TopicProbe probe = TopicProbe.open(bootstrap, Topics.SIGNALS_OUTCOMES)) {
            publisher.publishAll(Topics.MARKET_CANDLES, candles(market, 0, 2));
            publisher.publishAll(Topics.SIGNALS_VALIDATED, List.of(buy, sell));
            publisher.publishAll(Topics.MARKET_CANDLES, candles(market, 3, 25));

            List<SignalOutcomeMeasured> outcomes = decode(probe.awaitMatching(6, keyed(market), WAIT));
            assertThat(outcomes).hasSize(6);
            SignalOutcomeMeasured buyHour = only(outcomes, buy, Duration.ofHours(1));
            // entry 101 (candle 1), exit 102 (candle 2): 1/101; cost 0.002
            assertThat(buyHour.entryTime()).isEqualTo(market.open(1));
            assertThat(buyHour.forwardReturn()).isEqualByComparingTo("0.00990099");
            assertThat(buyHour.netReturn()).isEqualByComparingTo("0.00790099");
            assertThat(buyHour.hit()).isTrue();
            assertThat(buyHour.flags()).isEmpty();
            assertThat(buyHour.grade()).isEqualTo(Grade.A);
            SignalOutcomeMeasured buyFour = only(outcomes, buy, Duration.ofHours(4));
            // candle 5 is missing: the exit moves to candle 6's open (106); held 1..4 reach 110 and 90
            assertThat(buyFour.exitTime()).isEqualTo(market.open(6));
            assertThat(buyFour.forwardReturn()).isEqualByComparingTo("0.04950495");
            assertThat(buyFour.maxFavourableExcursion()).isEqualByComparingTo("0.08910891");
            assertThat(buyFour.maxAdverseExcursion()).isEqualByComparingTo("-0.10891089");
            assertThat(buyFour.flags()).containsExactly("GAP");
            SignalOutcomeMeasured buyDay = only(outcomes, buy, Duration.ofHours(24));
            assertThat(buyDay.exitTime()).isEqualTo(market.open(25));
            assertThat(buyDay.forwardReturn()).isEqualByComparingTo("0.23762376");
            SignalOutcomeMeasured sellHour = only(outcomes, sell, Duration.ofHours(1));
            assertThat(sellHour.forwardReturn()).isEqualByComparingTo("-0.00990099");
            assertThat(sellHour.hit()).isFalse();
            assertThat(only(outcomes, sell, Duration.ofHours(24)).maxFavourableExcursion())
                    .isEqualByComparingTo("0.10891089");

            await().atMost(WAIT).until(() -> publishedRows(market) == 6);
            Map<String, Object> row =
                    jdbc.sql("""
                            select * from monitor.signal_outcomes where signal_id = :id and horizon_seconds = 14400""").param("id", buy.signalId()).query().singleRow();
            assertThat(row)
                    .containsEntry("status", "MEASURED")
                    .containsEntry("flags", "GAP")
                    .containsEntry("event_id", buyFour.envelope().eventId())
                    .containsEntry("hit", true);
            assertThat((BigDecimal) row.get("gross_return")).isEqualByComparingTo("0.04950495");

            // Redelivered signal and candle, then a marker behind each on the same partitions: once the marker's
            // outcome is out, the duplicates have been handled, and nothing was measured or published twice.
            SignalValidated marker = market.signal(24, "marker", Side.BUY, Grade.B);
            publisher.publishAll(Topics.SIGNALS_VALIDATED, List.of(buy, marker));
            publisher.publishAll(Topics.MARKET_CANDLES, List.of(market.candle(25, "125"), market.candle(26, "126")));
            List<SignalOutcomeMeasured> after = decode(probe.awaitMatching(7, keyed(market), WAIT));
            assertThat(after)
                    .filteredOn(o -> o.signalId().equals(marker.signalId()))
                    .singleElement()
                    .satisfies(o -> assertThat(o.horizon()).isEqualTo(Duration.ofHours(1)));
            assertThat(decode(probe.poll().stream().filter(keyed(market)).toList()))
                    .hasSize(7);
            assertThat(jdbc.sql("select count(*) from monitor.signal_outcomes where symbol = :symbol")
                            .param("symbol", market.symbol().value())
                            .query(Long.class)
                            .single())
                    .isEqualTo(6 + 3);
        }
        assertThat(registry.find("peregrine.monitor.outcomes.measured")
                        .tag("strategy", "ema-cross")
                        .tag("horizon", "PT4H")
                        .tag("hit", "true")
                        .counter())
                .isNotNull();
        assertThat(registry.find("peregrine.monitor.outcomes.pending").gauge()).isNotNull();
    }

    @Test
    void aRestartCompletesPendingOutcomesFromTheStoresWithoutDuplicates() {
        OutcomeTestEvents market = new OutcomeTestEvents(randomSymbol(), START);
        SignalValidated signal = market.signal(0, "ema-cross", Side.BUY, Grade.B);

        try (TopicProbe probe = TopicProbe.open(bootstrap, Topics.SIGNALS_OUTCOMES)) {
            publisher.publishAll(Topics.SIGNALS_VALIDATED, List.of(signal));
            publisher.publishAll(Topics.MARKET_CANDLES, candles(market, 0, 2));
            assertThat(decode(probe.awaitMatching(1, keyed(market), WAIT)))
                    .singleElement()
                    .satisfies(o -> assertThat(o.horizon()).isEqualTo(Duration.ofHours(1)));
            await().atMost(WAIT).until(() -> publishedRows(market) == 1);

            // The previous run stored candles 3..25 and died before measuring against them.
            for (CandleClosed candle : candles(market, 3, 25)) {
                store.saveCandle(OutcomeCandle.of(candle));
            }
            MonitorProperties.Outcomes settings = properties.outcomes();
            MeasureOutcomesService restarted = new MeasureOutcomesService(
                    store,
                    outcomeEvents,
                    outcomeMetrics,
                    clock,
                    ids,
                    settings.horizons(),
                    settings.roundTripCost(),
                    settings.candleRetention());

            assertThat(restarted.recover()).isEqualTo(2);
            assertThat(restarted.recover()).isZero();

            List<SignalOutcomeMeasured> outcomes = decode(probe.awaitMatching(3, keyed(market), WAIT));
            assertThat(outcomes)
                    .extracting(SignalOutcomeMeasured::horizon)
                    .containsExactly(Duration.ofHours(1), Duration.ofHours(4), Duration.ofHours(24));
            assertThat(decode(probe.poll().stream().filter(keyed(market)).toList()))
                    .hasSize(3);
            assertThat(publishedRows(market)).isEqualTo(3);
        }
    }

    @Test
    void aClosedPositionIsRecordedOnceWithItsEntrySignal() {
        TestEvents events = new TestEvents(randomSymbol(), Instant.now());
        SignalValidated signal = events.signal(UUID.randomUUID());
        TradeApproved approved = events.approved(signal, UUID.randomUUID());
        String entryOrder = "it-entry-" + UUID.randomUUID();
        OrderAccepted accepted = events.accepted(approved, entryOrder, UUID.randomUUID());
        publisher.publish(Topics.SIGNALS_VALIDATED, signal);
        publisher.publish(Topics.EXECUTION_REPORTS, accepted);
        await().atMost(WAIT)
                .until(() -> jdbc.sql("select count(*) from monitor.executions where client_order_id = :id")
                                .param("id", entryOrder)
                                .query(Long.class)
                                .single()
                        == 1);

        UUID positionId = UUID.randomUUID();
        Instant opened = signal.candleCloseTime().plusSeconds(1);
        Instant closed = opened.plus(Duration.ofMinutes(90));
        PositionChanged open = new PositionChanged(
                Envelope.root(UUID.randomUUID(), opened, opened),
                positionId,
                TestEvents.STRATEGY,
                events.symbol(),
                PositionChanged.PositionStatus.OPEN,
                Quantity.of("0.5"),
                Price.of("100.60"),
                Money.of("-0.05", "USDT"),
                Money.of("0.05", "USDT"),
                opened,
                null,
                entryOrder,
                null);
        PositionChanged close = new PositionChanged(
                Envelope.root(UUID.randomUUID(), closed, closed),
                positionId,
                TestEvents.STRATEGY,
                events.symbol(),
                PositionChanged.PositionStatus.CLOSED,
                Quantity.of("0"),
                Price.of("100.60"),
                Money.of("1.20", "USDT"),
                Money.of("0.10", "USDT"),
                opened,
                closed,
                "it-exit",
                "TAKE_PROFIT");
        publisher.publishAll(Topics.RISK_PORTFOLIO, List.of(open, close, close));

        await().atMost(WAIT)
                .until(() -> jdbc.sql("select count(*) from monitor.trade_outcomes where position_id = :id")
                                .param("id", positionId)
                                .query(Long.class)
                                .single()
                        == 1);
        Map<String, Object> trade = jdbc.sql("select * from monitor.trade_outcomes where position_id = :id")
                .param("id", positionId)
                .query()
                .singleRow();
        assertThat(trade)
                .containsEntry("signal_id", signal.signalId())
                .containsEntry("entry_client_order_id", entryOrder)
                .containsEntry("exit_client_order_id", "it-exit")
                .containsEntry("holding_seconds", 5400L)
                .containsEntry("close_reason", "TAKE_PROFIT")
                .containsEntry("pnl_currency", "USDT");
        assertThat((BigDecimal) trade.get("realised_pnl")).isEqualByComparingTo("1.20");
    }

    /** Candles {@code from..to}, each flat at 100 + hour, except candle 2 (110 / 90) and candle 5 (missing). */
    private static List<CandleClosed> candles(OutcomeTestEvents market, int from, int to) {
        List<CandleClosed> candles = new ArrayList<>();
        for (int hour = from; hour <= to; hour++) {
            if (hour == 2) {
                candles.add(market.candle(2, "102", "110", "90", "102"));
            } else if (hour != 5) {
                candles.add(market.candle(hour, Integer.toString(100 + hour)));
            }
        }
        return candles;
    }

    private long publishedRows(OutcomeTestEvents market) {
        return jdbc.sql(
                        "select count(*) from monitor.signal_outcomes where symbol = :symbol and published_at is not null")
                .param("symbol", market.symbol().value())
                .query(Long.class)
                .single();
    }

    private static java.util.function.Predicate<ConsumerRecord<String, String>> keyed(OutcomeTestEvents market) {
        return record -> market.symbol().value().equals(record.key());
    }

    private List<SignalOutcomeMeasured> decode(List<ConsumerRecord<String, String>> records) {
        return records.stream()
                .map(r -> (SignalOutcomeMeasured) codec.decodeFrom(Topics.SIGNALS_OUTCOMES, r.value()))
                .toList();
    }

    private static SignalOutcomeMeasured only(
            List<SignalOutcomeMeasured> outcomes, SignalValidated signal, Duration horizon) {
        List<SignalOutcomeMeasured> matching = outcomes.stream()
                .filter(o ->
                        o.signalId().equals(signal.signalId()) && o.horizon().equals(horizon))
                .toList();
        assertThat(matching).hasSize(1);
        return matching.getFirst();
    }

    private static String randomSymbol() {
        return OutcomeTestEvents.randomSymbol("OUT");
    }
}
