package dev.peregrine.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.peregrine.common.value.Interval;
import dev.peregrine.common.value.Symbol;
import dev.peregrine.ingest.application.RetentionSweep;
import dev.peregrine.ingest.application.port.out.CandleStore;
import dev.peregrine.ingest.application.port.out.ConnectionEventStore;
import dev.peregrine.ingest.application.port.out.IngestMetrics;
import dev.peregrine.ingest.application.port.out.NewCandle;
import dev.peregrine.ingest.application.port.out.NewRejection;
import dev.peregrine.ingest.application.port.out.RejectionStore;
import dev.peregrine.ingest.application.port.out.RetentionStore;
import dev.peregrine.ingest.config.IngestProperties;
import dev.peregrine.ingest.config.RetentionProperties;
import dev.peregrine.ingest.domain.KlineCsvParser;
import dev.peregrine.ingest.domain.ParseResult;
import dev.peregrine.ingest.domain.Series;
import dev.peregrine.ingest.domain.live.ConnectionEvent;
import dev.peregrine.ingest.domain.live.ConnectionEventType;
import dev.peregrine.testkit.PeregrineIntegrationTest;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The retention sweep against PostgreSQL: old published candles go, then publications older than the cutoff none of
 * whose candles are left; an old candle not yet
 * published stays, as do younger rows; old rejections go once settled; old connection events go; each statement
 * deletes at most its limit. The clock stands in 2003 so that only this test's rows (from 2000-2002) are old enough:
 * the database is shared with every other test of the JVM.
 */
@PeregrineIntegrationTest
@SpringBootTest(
        classes = IngestServiceApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.config.name=peregrine-defaults,ingest-service",
            "management.server.port=0",
            "peregrine.ingest.replay.allowed-directories=${java.io.tmpdir}"
        })
class RetentionIT {

    private static final Instant NOW = Instant.parse("2003-01-01T00:00:00Z");
    /** 730 days before NOW (2001 and 2002 are not leap years). */
    private static final Instant CANDLE_CUTOFF = Instant.parse("2001-01-01T00:00:00Z");

    private static final Instant OLD = Instant.parse("2000-01-01T00:00:00Z");
    private static final Instant RECENT = Instant.parse("2002-12-01T00:00:00Z");
    /** Unique per test JVM, so that reruns against a long-lived external PostgreSQL stay independent. */
    private static final String RUN_TAG =
            Long.toString(System.currentTimeMillis() % 2_000_000_000L, 36).toUpperCase(Locale.ROOT);

    @Autowired
    RetentionStore retentionStore;

    @Autowired
    CandleStore candles;

    @Autowired
    RejectionStore rejections;

    @Autowired
    ConnectionEventStore connectionEvents;

    @Autowired
    IngestMetrics metrics;

    @Autowired
    MeterRegistry registry;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    IngestProperties properties;

    @Test
    void theShippedRetentionIsBoundFromIngestServiceYml() {
        assertThat(properties.retention())
                .isEqualTo(new RetentionProperties(
                        Duration.ZERO, Duration.ofDays(90), Duration.ofDays(90), Duration.ofHours(1), 10_000));
    }

    @Test
    void deletesOnlyOldSettledRowsInBoundedChunksAndNeverAnUnpublishedCandle() {
        RetentionSweep sweep = new RetentionSweep(
                retentionStore,
                metrics,
                Clock.fixed(NOW, ZoneOffset.UTC),
                new RetentionSweep.Policy(Duration.ofDays(730), Duration.ofDays(90), Duration.ofDays(90), 2));
        // Leaves nothing deletable from earlier runs against a long-lived database, so that the counts below are ours.
        sweep.sweep();

        Series series = new Series(Symbol.of("RT" + RUN_TAG + "USDT"), Interval.FIFTEEN_MINUTES);
        List<NewCandle> oldPublished = List.of(
                candle(series, OLD, 0),
                candle(series, OLD, 1),
                candle(series, OLD, 2),
                candle(series, OLD, 3),
                candle(series, OLD, 4));
        NewCandle oldUnpublished = candle(series, OLD, 5);
        NewCandle atTheCutoff = candle(series, CANDLE_CUTOFF, 0);
        NewCandle recent = candle(series, RECENT, 0);
        // Published long ago, so their publication goes once its candles have gone.
        UUID oldPublication = UUID.randomUUID();
        candles.storeAllIfAbsent(oldPublished, oldPublication);
        candles.markPublished(oldPublication, OLD.plus(Duration.ofDays(1)));
        UUID unpublished = UUID.randomUUID();
        candles.storeIfAbsent(oldUnpublished, unpublished);
        UUID recentPublication = UUID.randomUUID();
        candles.storeAllIfAbsent(List.of(atTheCutoff, recent), recentPublication);
        candles.markPublished(recentPublication, RECENT);

        String source = "retention-it:" + RUN_TAG;
        UUID runId = UUID.randomUUID();
        NewRejection publishedOld = rejection(source, runId, 1, Optional.of(series), OLD);
        NewRejection seriesLessOld = rejection(source, runId, 2, Optional.empty(), OLD);
        NewRejection unpublishedOld = rejection(source, runId, 3, Optional.of(series), OLD);
        NewRejection publishedRecent = rejection(source, runId, 4, Optional.of(series), RECENT);
        List.of(publishedOld, seriesLessOld, unpublishedOld, publishedRecent).forEach(rejections::recordIfAbsent);
        rejections.markPublished(List.of(publishedOld.id(), publishedRecent.id()), RECENT);

        String channel = "retention-it-" + RUN_TAG;
        List<ConnectionEvent> oldEvents =
                List.of(event(channel, OLD), event(channel, OLD.plusSeconds(1)), event(channel, OLD.plusSeconds(2)));
        ConnectionEvent recentEvent = event(channel, RECENT);
        oldEvents.forEach(connectionEvents::record);
        connectionEvents.record(recentEvent);

        double candlesCounted = deletedCounter(RetentionSweep.CANDLES);

        // One statement deletes at most its limit.
        assertThat(retentionStore.deletePublishedCandlesBefore(CANDLE_CUTOFF, 2))
                .isEqualTo(2);
        assertThat(retentionStore.deleteSettledRejectionsBefore(NOW.minus(Duration.ofDays(90)), 1))
                .isEqualTo(1);
        assertThat(retentionStore.deleteConnectionEventsBefore(NOW.minus(Duration.ofDays(90)), 2))
                .isEqualTo(2);

        Map<String, Long> deleted = sweep.sweep();

        assertThat(deleted)
                .containsExactly(
                        Map.entry(RetentionSweep.CANDLES, 3L),
                        Map.entry(RetentionSweep.REJECTIONS, 1L),
                        Map.entry(RetentionSweep.CONNECTION_EVENTS, 1L));
        assertThat(jdbc.sql("SELECT event_id FROM ingest.candles WHERE symbol = :symbol ORDER BY open_time")
                        .param("symbol", series.symbol().value())
                        .query(UUID.class)
                        .list())
                .containsExactly(oldUnpublished.eventId(), atTheCutoff.eventId(), recent.eventId());
        assertThat(jdbc.sql("SELECT publication_id FROM ingest.candle_publications WHERE publication_id IN (:ids)")
                        .param("ids", List.of(oldPublication, unpublished, recentPublication))
                        .query(UUID.class)
                        .list())
                .containsExactly(recentPublication);
        assertThat(jdbc.sql("SELECT id FROM ingest.rejections WHERE source = :source")
                        .param("source", source)
                        .query(UUID.class)
                        .list())
                .containsExactlyInAnyOrder(unpublishedOld.id(), publishedRecent.id());
        assertThat(jdbc.sql("SELECT id FROM ingest.connection_events WHERE channel = :channel")
                        .param("channel", channel)
                        .query(UUID.class)
                        .list())
                .containsExactly(recentEvent.id());
        assertThat(deletedCounter(RetentionSweep.CANDLES) - candlesCounted).isEqualTo(3.0);

        // The unpublished candle goes once it is published, like any other.
        candles.markPublished(unpublished, NOW);
        assertThat(sweep.sweep()).containsEntry(RetentionSweep.CANDLES, 1L);
        assertThat(jdbc.sql("SELECT count(*) FROM ingest.candles WHERE symbol = :symbol")
                        .param("symbol", series.symbol().value())
                        .query(Long.class)
                        .single())
                .isEqualTo(2L);
    }

    private double deletedCounter(String table) {
        Counter counter = registry.find("peregrine.ingest.retention.deleted")
                .tag("table", table)
                .counter();
        return counter == null ? 0 : counter.count();
    }

    private static NewCandle candle(Series series, Instant start, int slot) {
        ParseResult.Parsed parsed =
                (ParseResult.Parsed) new KlineCsvParser(series).parse(KlineLines.candle15m(start, slot));
        return new NewCandle(parsed.candle(), List.of(), "replay:retention-it", UUID.randomUUID(), start);
    }

    private static NewRejection rejection(String source, UUID runId, long line, Optional<Series> series, Instant at) {
        return new NewRejection(
                UUID.randomUUID(),
                runId,
                source,
                series,
                line,
                "MALFORMED_RECORD",
                "test",
                "not,a,kline",
                UUID.randomUUID(),
                at);
    }

    private static ConnectionEvent event(String channel, Instant at) {
        return ConnectionEvent.of(UUID.randomUUID(), at, ConnectionEventType.CONNECTED, channel, "retention test");
    }
}
