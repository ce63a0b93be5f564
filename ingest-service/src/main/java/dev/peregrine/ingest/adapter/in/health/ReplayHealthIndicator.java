package dev.peregrine.ingest.adapter.in.health;

import dev.peregrine.ingest.application.port.in.FindReplays;
import dev.peregrine.ingest.domain.ReplayRun;
import dev.peregrine.ingest.domain.ReplayStatus;
import java.util.Optional;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The {@code replay} health component: DOWN when the last replay this instance started (or was configured to
 * start) failed, so that a missing file or a broken feed is seen rather than silently publishing nothing.
 * It is not part of readiness: the API stays available to start another replay.
 */
@Component("replayHealthIndicator")
public class ReplayHealthIndicator implements HealthIndicator {

    private final FindReplays queries;

    public ReplayHealthIndicator(FindReplays queries) {
        this.queries = queries;
    }

    @Override
    public Health health() {
        Optional<ReplayRun> latest = queries.latestStartedHere();
        if (latest.isEmpty()) {
            return Health.up().withDetail("replay", "none started").build();
        }
        ReplayRun run = latest.get();
        Health.Builder builder = run.status() == ReplayStatus.FAILED ? Health.down() : Health.up();
        builder.withDetail("runId", run.id().toString())
                .withDetail("file", run.file())
                .withDetail("status", run.status().name())
                .withDetail("linesRead", run.counts().linesRead())
                .withDetail("candlesPublished", run.counts().candlesPublished())
                .withDetail("linesRejected", run.counts().linesRejected());
        run.error().ifPresent(error -> builder.withDetail("reason", error));
        return builder.build();
    }
}
