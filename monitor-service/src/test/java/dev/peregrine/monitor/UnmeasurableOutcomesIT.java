package dev.peregrine.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.peregrine.common.Topics;
import dev.peregrine.common.event.Grade;
import dev.peregrine.common.event.SignalValidated;
import dev.peregrine.common.value.Side;
import dev.peregrine.monitor.application.ExpireOutcomesService;
import dev.peregrine.monitor.application.port.out.OutcomeMetrics;
import dev.peregrine.monitor.application.port.out.OutcomeStore;
import dev.peregrine.monitor.config.MonitorProperties;
import dev.peregrine.platform.kafka.EventPublisher;
import dev.peregrine.testkit.MutableClock;
import dev.peregrine.testkit.PeregrineIntegrationTest;
import dev.peregrine.testkit.RealInfrastructure;
import dev.peregrine.testkit.TopicProbe;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Outcomes whose candles never arrive, over real Kafka and PostgreSQL: given up at the deadline as UNMEASURABLE with
 * the reason, never published, left out of the quality figures and counted.
 */
// Same properties as MonitorServiceIT, so that both run in one cached context (one set of listeners per group).
@PeregrineIntegrationTest
@SpringBootTest(
        classes = MonitorServiceApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=peregrine-defaults,monitor-service", "management.server.port=0"})
class UnmeasurableOutcomesIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Instant START = Instant.parse("2024-02-01T00:00:00Z");

    @Autowired
    EventPublisher publisher;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    OutcomeStore store;

    @Autowired
    OutcomeMetrics outcomeMetrics;

    @Autowired
    MonitorProperties properties;

    @Autowired
    MeterRegistry registry;

    private final String bootstrap = RealInfrastructure.get().kafkaBootstrapServers();

    @Test
    void pendingOutcomesWithoutCandlesAreGivenUpAtTheDeadlineWithTheirReasonAndNeverPublished() {
        OutcomeTestEvents silent = new OutcomeTestEvents(randomSymbol(), START);
        OutcomeTestEvents stopped = new OutcomeTestEvents(randomSymbol(), START);
        SignalValidated never = silent.signal(0, "it-unmeasurable", Side.BUY, Grade.A);
        SignalValidated cut = stopped.signal(0, "it-unmeasurable", Side.SELL, Grade.C);

        try (TopicProbe probe = TopicProbe.open(bootstrap, Topics.SIGNALS_OUTCOMES)) {
            publisher.publishAll(Topics.SIGNALS_VALIDATED, List.of(never, cut));
            publisher.publishAll(
                    Topics.MARKET_CANDLES,
                    List.of(stopped.candle(0, "100"), stopped.candle(1, "100"), stopped.candle(2, "99")));
            probe.awaitMatching(1, r -> stopped.symbol().value().equals(r.key()), WAIT);
            await().atMost(WAIT).until(() -> rows(silent, "PENDING") == 3 && rows(stopped, "PENDING") == 2);

            Duration deadline = properties.outcomes().unmeasurableAfter();
            MutableClock clock = new MutableClock(Instant.now().plus(deadline).minus(Duration.ofMinutes(1)));
            ExpireOutcomesService expire = new ExpireOutcomesService(store, outcomeMetrics, clock, deadline);
            expire.expireOverdue();
            assertThat(rows(silent, "PENDING")).isEqualTo(3);

            clock.advance(Duration.ofMinutes(2));
            expire.expireOverdue();
            assertThat(rows(silent, "UNMEASURABLE")).isEqualTo(3);
            assertThat(rows(stopped, "UNMEASURABLE")).isEqualTo(2);
            assertThat(rows(stopped, "MEASURED")).isEqualTo(1);
            Map<String, Object> row =
                    jdbc.sql("""
                            select * from monitor.signal_outcomes where signal_id = :id and horizon_seconds = 14400""").param("id", cut.signalId()).query().singleRow();
            assertThat(row)
                    .containsEntry("unmeasurable_reason", "NO_EXIT_CANDLE")
                    .containsEntry("hit", null)
                    .containsEntry("event_id", null)
                    .containsEntry("published_at", null);
            assertThat((String) row.get("unmeasurable_detail"))
                    .contains(stopped.symbol().value(), "PT4H", "PT72H");
            assertThat(jdbc.sql("""
                            select distinct unmeasurable_reason from monitor.signal_outcomes where symbol = :symbol""")
                            .param("symbol", silent.symbol().value())
                            .query(String.class)
                            .list())
                    .containsExactly("NO_CANDLES");

            // Once given up, a row stays so: a second check and late candles change nothing.
            assertThat(expire.expireOverdue()).isZero();
            publisher.publishAll(
                    Topics.MARKET_CANDLES,
                    List.of(silent.candle(0, "100"), silent.candle(1, "100"), silent.candle(2, "101")));
            await().atMost(WAIT)
                    .until(() -> jdbc.sql("select count(*) from monitor.outcome_candles where symbol = :s")
                                    .param("s", silent.symbol().value())
                                    .query(Long.class)
                                    .single()
                            == 3);
            assertThat(rows(silent, "UNMEASURABLE")).isEqualTo(3);
            assertThat(probe.poll())
                    .filteredOn(r -> silent.symbol().value().equals(r.key()))
                    .isEmpty();
        }
        assertThat(registry.find("peregrine.monitor.outcomes.unmeasurable")
                        .tag("strategy", "it-unmeasurable")
                        .tag("horizon", "PT24H")
                        .tag("reason", "NO_CANDLES")
                        .counter())
                .isNotNull()
                .satisfies(counter -> assertThat(counter.count()).isGreaterThanOrEqualTo(1));
    }

    @Test
    void aSignalArrivingAfterItsCandlesWerePrunedIsGivenUpAtOnceNotMeasuredFromLaterCandles() {
        OutcomeTestEvents market = new OutcomeTestEvents(randomSymbol(), START);
        int hours = (int) properties.outcomes().candleRetention().toHours() + 30;
        List<dev.peregrine.common.event.CandleClosed> candles = new java.util.ArrayList<>();
        for (int hour = 0; hour <= hours; hour++) {
            candles.add(market.candle(hour, Integer.toString(100 + hour)));
        }
        SignalValidated late = market.signal(0, "it-pruned", Side.BUY, Grade.B);

        try (TopicProbe probe = TopicProbe.open(bootstrap, Topics.SIGNALS_OUTCOMES)) {
            publisher.publishAll(Topics.MARKET_CANDLES, candles);
            // the candles ran more than the retention ahead: the series' first candles are deleted, and the bound
            // stored
            await().atMost(WAIT)
                    .until(() -> store.prunedBefore(market.symbol(), dev.peregrine.common.value.Interval.ONE_HOUR)
                            .filter(bound -> bound.isAfter(market.open(1)))
                            .isPresent());

            publisher.publishAll(Topics.SIGNALS_VALIDATED, List.of(late));

            await().atMost(WAIT).until(() -> rows(market, "UNMEASURABLE") == 3);
            assertThat(rows(market, "MEASURED")).isZero();
            assertThat(jdbc.sql(
                                    "select distinct unmeasurable_reason from monitor.signal_outcomes where symbol = :symbol")
                            .param("symbol", market.symbol().value())
                            .query(String.class)
                            .list())
                    .containsExactly("CANDLES_PRUNED");
            assertThat(probe.poll())
                    .filteredOn(r -> market.symbol().value().equals(r.key()))
                    .isEmpty();
        }
    }

    private long rows(OutcomeTestEvents market, String status) {
        return jdbc.sql("select count(*) from monitor.signal_outcomes where symbol = :symbol and status = :status")
                .param("symbol", market.symbol().value())
                .param("status", status)
                .query(Long.class)
                .single();
    }

    private static String randomSymbol() {
        return OutcomeTestEvents.randomSymbol("UNM");
    }
}
