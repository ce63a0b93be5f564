package dev.peregrine.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.peregrine.common.value.Interval;
import dev.peregrine.common.value.Symbol;
import dev.peregrine.ingest.adapter.out.jdbc.JdbcCandleStore;
import dev.peregrine.ingest.application.port.out.NewCandle;
import dev.peregrine.ingest.application.port.out.StoredCandle;
import dev.peregrine.ingest.domain.Candle;
import dev.peregrine.ingest.domain.KlineCsvParser;
import dev.peregrine.ingest.domain.ParseResult;
import dev.peregrine.ingest.domain.Series;
import dev.peregrine.testkit.PeregrineIntegrationTest;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The batch store against PostgreSQL: the stored row wins over the offered one, whether published or not. */
@PeregrineIntegrationTest
@SpringBootTest(
        classes = IngestServiceApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.config.name=peregrine-defaults,ingest-service",
            "management.server.port=0",
            "peregrine.ingest.replay.allowed-directories=${java.io.tmpdir}"
        })
class JdbcCandleStoreIT {

    private static final Instant START = Instant.parse("2024-07-01T00:00:00Z");
    private static final Instant NOW = Instant.parse("2025-01-01T00:00:00Z");
    private static final Instant LATER = NOW.plusSeconds(60);
    /** Unique per test JVM, so that reruns against a long-lived external PostgreSQL stay independent. */
    private static final String RUN_TAG =
            Long.toString(System.currentTimeMillis() % 2_000_000_000L, 36).toUpperCase(Locale.ROOT);

    @Autowired
    JdbcCandleStore store;

    @Autowired
    JdbcClient jdbc;

    @Test
    void storesTheNewCandlesOfABatchAndReturnsTheStoredRowForKeysAlreadyTakenInOfferOrder() {
        Series series = new Series(Symbol.of("JB" + RUN_TAG + "USDT"), Interval.FIFTEEN_MINUTES);
        NewCandle published = offer(series, 0, List.of());
        NewCandle unpublished = offer(series, 1, List.of("GAP"));
        UUID first = UUID.randomUUID();
        store.storeIfAbsent(published, first);
        store.storeIfAbsent(unpublished, UUID.randomUUID());
        store.markPublished(first, NOW);

        NewCandle fresh = offer(series, 2, List.of("OFF_GRID"));
        NewCandle freshAgain = offer(series, 2, List.of());
        UUID batch = UUID.randomUUID();
        List<StoredCandle> stored = store.storeAllIfAbsent(
                List.of(
                        offer(series, 3, List.of()),
                        offer(series, 1, List.of()),
                        fresh,
                        offer(series, 0, List.of()),
                        freshAgain),
                batch);

        assertThat(stored)
                .extracting(row -> row.candle().openTime())
                .containsExactly(slot(3), slot(1), slot(2), slot(0), slot(2));
        assertThat(stored.get(1).eventId()).isEqualTo(unpublished.eventId());
        assertThat(stored.get(1).qualityFlags()).containsExactly("GAP");
        assertThat(stored.get(1).publishedAt()).isEmpty();
        assertThat(stored.get(2).eventId()).isEqualTo(fresh.eventId());
        assertThat(stored.get(2).qualityFlags()).containsExactly("OFF_GRID");
        assertThat(stored.get(3).eventId()).isEqualTo(published.eventId());
        assertThat(stored.get(3).publishedAt()).contains(NOW);
        assertThat(stored.get(4).eventId()).isEqualTo(fresh.eventId());
        assertThat(stored.get(0).publishedAt()).isEmpty();
        assertThat(stored.get(0).source()).isEqualTo("replay:test");

        List<UUID> rows = jdbc.sql("SELECT event_id FROM ingest.candles WHERE symbol = :symbol ORDER BY open_time")
                .param("symbol", series.symbol().value())
                .query(UUID.class)
                .list();
        assertThat(rows)
                .containsExactly(
                        published.eventId(),
                        unpublished.eventId(),
                        fresh.eventId(),
                        stored.get(0).eventId());
        assertThat(store.storeAllIfAbsent(List.of(), UUID.randomUUID())).isEmpty();

        // The batch's publication marks its new candles and the unpublished one it adopted; the one published
        // before keeps its own publication.
        store.markPublished(batch, LATER);
        assertThat(store.storeAllIfAbsent(
                        List.of(
                                offer(series, 0, List.of()),
                                offer(series, 1, List.of()),
                                offer(series, 2, List.of()),
                                offer(series, 3, List.of())),
                        UUID.randomUUID()))
                .extracting(row -> row.publishedAt().orElseThrow())
                .containsExactly(NOW, LATER, LATER, LATER);
        assertThat(store.latestPublishedOpenTime(series)).contains(slot(3));
    }

    @Test
    void aCandleWhosePublicationWasNeverAcknowledgedIsPublishedByTheNextOneThatOffersIt() {
        Series series = new Series(Symbol.of("JD" + RUN_TAG + "USDT"), Interval.FIFTEEN_MINUTES);
        UUID failed = UUID.randomUUID();
        store.storeAllIfAbsent(List.of(offer(series, 0, List.of()), offer(series, 1, List.of())), failed);
        assertThat(store.latestPublishedOpenTime(series)).isEmpty();

        UUID retry = UUID.randomUUID();
        assertThat(store.storeAllIfAbsent(List.of(offer(series, 1, List.of()), offer(series, 2, List.of())), retry))
                .allSatisfy(row -> assertThat(row.publishedAt()).isEmpty());
        store.markPublished(retry, NOW);

        // Slot 0 was not offered again: it stays with the publication that failed, unpublished.
        assertThat(store.storeAllIfAbsent(
                        List.of(offer(series, 0, List.of()), offer(series, 1, List.of()), offer(series, 2, List.of())),
                        UUID.randomUUID()))
                .extracting(row -> row.publishedAt().isPresent())
                .containsExactly(false, true, true);
        // Marking a publication twice keeps the first time.
        store.markPublished(retry, LATER);
        assertThat(store.storeIfAbsent(offer(series, 2, List.of()), UUID.randomUUID())
                        .publishedAt())
                .contains(NOW);
    }

    @Test
    void aBatchStoresEveryColumnExactlyAsOffered() {
        Series series = new Series(Symbol.of("JC" + RUN_TAG + "USDT"), Interval.FIFTEEN_MINUTES);
        NewCandle flagged = offer(series, 0, List.of("GAP", "PRICE_JUMP"));
        NewCandle clean = offer(series, 1, List.of());

        UUID publication = UUID.randomUUID();
        store.storeAllIfAbsent(List.of(flagged, clean), publication);

        // Read back through the single-row path, which returns the stored row as it is.
        StoredCandle flaggedRow = store.storeIfAbsent(offer(series, 0, List.of()), publication);
        StoredCandle cleanRow = store.storeIfAbsent(offer(series, 1, List.of("OFF_GRID")), publication);
        assertThat(flaggedRow.candle()).isEqualTo(flagged.candle());
        assertThat(flaggedRow.eventId()).isEqualTo(flagged.eventId());
        assertThat(flaggedRow.qualityFlags()).containsExactly("GAP", "PRICE_JUMP");
        assertThat(flaggedRow.source()).isEqualTo("replay:test");
        assertThat(cleanRow.candle()).isEqualTo(clean.candle());
        assertThat(cleanRow.qualityFlags()).isEmpty();
        assertThat(jdbc.sql("SELECT ingested_at FROM ingest.candles WHERE event_id = :id")
                        .param("id", clean.eventId())
                        .query(java.time.OffsetDateTime.class)
                        .single()
                        .toInstant())
                .isEqualTo(NOW);

        // Values whose BigDecimal text is in exponent form (0E-8, 1.0E-7) keep their value and scale.
        Candle base = clean.candle();
        Candle tiny = new Candle(
                base.symbol(),
                base.interval(),
                slot(2),
                slot(3).minusMillis(1),
                new BigDecimal("0.00000010"),
                new BigDecimal("0.00000012"),
                new BigDecimal("0.00000009"),
                new BigDecimal("0.00000011"),
                new BigDecimal("0.00000000"),
                new BigDecimal("0E-8"),
                0,
                new BigDecimal("0.00000000"),
                new BigDecimal("12345678901234567890.123456789012345678"));
        NewCandle tinyOffer = new NewCandle(tiny, List.of(), "replay:test", UUID.randomUUID(), NOW);
        store.storeAllIfAbsent(List.of(tinyOffer), publication);
        assertThat(store.storeIfAbsent(
                                new NewCandle(tiny, List.of(), "replay:test", UUID.randomUUID(), NOW), publication)
                        .candle())
                .isEqualTo(tiny);

        store.markPublished(publication, NOW);

        assertThat(store.storeAllIfAbsent(
                        List.of(offer(series, 0, List.of()), offer(series, 1, List.of())), UUID.randomUUID()))
                .allSatisfy(row -> assertThat(row.publishedAt()).contains(NOW))
                .extracting(StoredCandle::eventId)
                .containsExactly(flagged.eventId(), clean.eventId());
    }

    @Test
    void textWithQuotesBackslashesSeparatorsAndNulTravelsIntactExceptTheNul() {
        Series series = new Series(Symbol.of("JE" + RUN_TAG + "USDT"), Interval.FIFTEEN_MINUTES);
        NewCandle plain = offer(series, 0, List.of());
        String source = "replay:C:\\data\\\"odd\", {name}, 'x'\u0000end";
        NewCandle odd = new NewCandle(plain.candle(), List.of("GAP"), source, UUID.randomUUID(), NOW);

        store.storeAllIfAbsent(List.of(odd), UUID.randomUUID());

        StoredCandle row = store.storeIfAbsent(offer(series, 0, List.of()), UUID.randomUUID());
        assertThat(row.source()).isEqualTo("replay:C:\\data\\\"odd\", {name}, 'x'\uFFFDend");
        assertThat(row.qualityFlags()).containsExactly("GAP");
    }

    private static NewCandle offer(Series series, int slot, List<String> flags) {
        Candle candle =
                ((ParseResult.Parsed) new KlineCsvParser(series).parse(KlineLines.candle15m(START, slot))).candle();
        return new NewCandle(candle, flags, "replay:test", UUID.randomUUID(), NOW);
    }

    private static Instant slot(int slot) {
        return START.plusSeconds(900L * slot);
    }
}
