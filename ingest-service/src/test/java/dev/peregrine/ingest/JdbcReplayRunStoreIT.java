package dev.peregrine.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.peregrine.ingest.adapter.out.jdbc.JdbcRejectionStore;
import dev.peregrine.ingest.adapter.out.jdbc.JdbcReplayRunStore;
import dev.peregrine.ingest.application.port.out.NewRejection;
import dev.peregrine.ingest.application.port.out.StoredRejection;
import dev.peregrine.ingest.domain.MessageKind;
import dev.peregrine.ingest.domain.ReplayCounts;
import dev.peregrine.ingest.domain.ReplayFormat;
import dev.peregrine.ingest.domain.ReplayRun;
import dev.peregrine.ingest.domain.ReplayTrigger;
import dev.peregrine.testkit.PeregrineIntegrationTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** A capture's run and its rejections against PostgreSQL: format, message counts and rejections without a series. */
@PeregrineIntegrationTest
@SpringBootTest(
        classes = IngestServiceApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.config.name=peregrine-defaults,ingest-service",
            "management.server.port=0",
            "peregrine.ingest.replay.allowed-directories=${java.io.tmpdir}"
        })
class JdbcReplayRunStoreIT {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    @Autowired
    JdbcReplayRunStore runs;

    @Autowired
    JdbcRejectionStore rejections;

    @Test
    void aCaptureRunKeepsItsFormatAndMessageCountsAndItsRejectionsNeedNoSeries() {
        ReplayRun started = ReplayRun.started(
                UUID.randomUUID(),
                "replay:capture.log.gz",
                "/data/capture.log.gz",
                ReplayFormat.WS_CAPTURE,
                Optional.empty(),
                0,
                ReplayTrigger.OPERATOR,
                NOW);
        runs.insert(started);
        ReplayRun finished = started.completed(
                new ReplayCounts(
                        41_249,
                        0,
                        0,
                        1,
                        Map.of(
                                MessageKind.TRADE,
                                9757L,
                                MessageKind.BOOK_TICKER,
                                28_040L,
                                MessageKind.DEPTH_UPDATE,
                                3451L)),
                NOW.plusSeconds(3));

        runs.update(finished);

        assertThat(runs.find(started.id())).contains(finished);
        StoredRejection stored = rejections.recordIfAbsent(new NewRejection(
                UUID.randomUUID(),
                started.id(),
                started.source(),
                Optional.empty(),
                41_249,
                "TRUNCATED",
                "the JSON ends after 60 characters",
                "1723161599999231384 {\"stream\":\"btcusdt@bookTicker\",\"da",
                UUID.randomUUID(),
                NOW));
        assertThat(stored.publishedAt()).isEmpty();
    }
}
