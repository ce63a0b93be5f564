package dev.peregrine.ingest.adapter.in.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.peregrine.common.value.Interval;
import dev.peregrine.common.value.Symbol;
import dev.peregrine.ingest.application.port.in.FindReplays;
import dev.peregrine.ingest.domain.ReplayCounts;
import dev.peregrine.ingest.domain.ReplayRun;
import dev.peregrine.ingest.domain.ReplayTrigger;
import dev.peregrine.ingest.domain.Series;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

class ReplayHealthIndicatorTest {

    private static final Instant NOW = Instant.parse("2025-01-01T00:00:00Z");
    private static final Series SERIES = new Series(Symbol.of("BTCUSDT"), Interval.FIFTEEN_MINUTES);

    @Test
    void upWhenNoReplayWasStarted() {
        assertThat(health(null).getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void downWithTheReasonWhenTheLastReplayFailed() {
        ReplayRun failed = ReplayRun.failedToStart(
                new UUID(0, 1),
                "replay:BTCUSDT-15m.csv.gz",
                "/x/BTCUSDT-15m.csv.gz",
                Optional.of(SERIES),
                0,
                ReplayTrigger.STARTUP,
                NOW,
                "replay file '/x/BTCUSDT-15m.csv.gz' does not exist");

        Health health = health(failed);

        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.getDetails())
                .containsEntry("reason", "replay file '/x/BTCUSDT-15m.csv.gz' does not exist")
                .containsEntry("file", "/x/BTCUSDT-15m.csv.gz")
                .containsEntry("status", "FAILED");
    }

    @Test
    void upWhileRunningAndAfterCompletion() {
        ReplayRun running = ReplayRun.started(
                new UUID(0, 2),
                "replay:BTCUSDT-15m.csv.gz",
                "/x/BTCUSDT-15m.csv.gz",
                SERIES,
                0,
                ReplayTrigger.OPERATOR,
                NOW);
        ReplayRun completed = running.completed(new ReplayCounts(10, 9, 0, 1), NOW.plusSeconds(1));

        assertThat(health(running).getStatus()).isEqualTo(Status.UP);
        assertThat(health(completed).getStatus()).isEqualTo(Status.UP);
        assertThat(health(completed).getDetails())
                .containsEntry("candlesPublished", 9L)
                .containsEntry("linesRejected", 1L);
    }

    private static Health health(ReplayRun latest) {
        return new ReplayHealthIndicator(new FindReplays() {
                    @Override
                    public Optional<ReplayRun> find(UUID runId) {
                        return Optional.empty();
                    }

                    @Override
                    public List<ReplayRun> recent(int limit) {
                        return List.of();
                    }

                    @Override
                    public Optional<ReplayRun> latestStartedHere() {
                        return Optional.ofNullable(latest);
                    }
                })
                .health();
    }
}
