package dev.peregrine.ingest.adapter.out.jdbc;

import dev.peregrine.common.value.Interval;
import dev.peregrine.common.value.Symbol;
import dev.peregrine.ingest.application.port.out.ReplayRunStore;
import dev.peregrine.ingest.domain.ReplayCounts;
import dev.peregrine.ingest.domain.ReplayRun;
import dev.peregrine.ingest.domain.ReplayStatus;
import dev.peregrine.ingest.domain.ReplayTrigger;
import dev.peregrine.ingest.domain.Series;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** {@code ingest.replay_runs}. */
@Component
public class JdbcReplayRunStore implements ReplayRunStore {

    private static final String COLUMNS = "id, source, file, symbol, interval, speed, trigger, status, started_at, "
            + "finished_at, lines_read, candles_published, candles_skipped, lines_rejected, error";

    private final JdbcClient jdbc;

    public JdbcReplayRunStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void insert(ReplayRun run) {
        jdbc.sql("INSERT INTO ingest.replay_runs (" + COLUMNS + ") VALUES (:id, :source, :file, :symbol, :interval, "
                        + ":speed, :trigger, :status, :startedAt, :finishedAt, :linesRead, :candlesPublished, "
                        + ":candlesSkipped, :linesRejected, :error)")
                .param("id", run.id())
                .param("source", run.source())
                .param("file", Sql.text(run.file()))
                .param("symbol", run.series().map(s -> s.symbol().value()).orElse(null), java.sql.Types.VARCHAR)
                .param("interval", run.series().map(s -> s.interval().code()).orElse(null), java.sql.Types.VARCHAR)
                .param("speed", run.speed())
                .param("trigger", run.trigger().name())
                .param("status", run.status().name())
                .param("startedAt", Sql.timestamp(run.startedAt()))
                .param("finishedAt", Sql.timestamp(run.finishedAt().orElse(null)), java.sql.Types.TIMESTAMP_WITH_TIMEZONE)
                .param("linesRead", run.counts().linesRead())
                .param("candlesPublished", run.counts().candlesPublished())
                .param("candlesSkipped", run.counts().candlesSkipped())
                .param("linesRejected", run.counts().linesRejected())
                .param("error", Sql.text(run.error().orElse(null)), java.sql.Types.VARCHAR)
                .update();
    }

    @Override
    public void update(ReplayRun run) {
        jdbc.sql("UPDATE ingest.replay_runs SET status = :status, finished_at = :finishedAt, lines_read = :linesRead, "
                        + "candles_published = :candlesPublished, candles_skipped = :candlesSkipped, "
                        + "lines_rejected = :linesRejected, error = :error WHERE id = :id")
                .param("id", run.id())
                .param("status", run.status().name())
                .param("finishedAt", Sql.timestamp(run.finishedAt().orElse(null)), java.sql.Types.TIMESTAMP_WITH_TIMEZONE)
                .param("linesRead", run.counts().linesRead())
                .param("candlesPublished", run.counts().candlesPublished())
                .param("candlesSkipped", run.counts().candlesSkipped())
                .param("linesRejected", run.counts().linesRejected())
                .param("error", Sql.text(run.error().orElse(null)), java.sql.Types.VARCHAR)
                .update();
    }

    @Override
    public Optional<ReplayRun> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM ingest.replay_runs WHERE id = :id")
                .param("id", id)
                .query(JdbcReplayRunStore::run)
                .optional();
    }

    @Override
    public List<ReplayRun> recent(int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM ingest.replay_runs ORDER BY started_at DESC, id DESC LIMIT :limit")
                .param("limit", limit)
                .query(JdbcReplayRunStore::run)
                .list();
    }

    @Override
    public int failRunning(UUID exceptId, Instant at, String reason) {
        String sql = "UPDATE ingest.replay_runs SET status = 'FAILED', finished_at = :at, error = :reason "
                + "WHERE status = 'RUNNING'" + (exceptId == null ? "" : " AND id <> :exceptId");
        JdbcClient.StatementSpec statement = jdbc.sql(sql)
                .param("at", Sql.timestamp(at))
                .param("reason", reason);
        if (exceptId != null) {
            statement = statement.param("exceptId", exceptId);
        }
        return statement.update();
    }

    private static ReplayRun run(ResultSet rs, int row) throws SQLException {
        String symbol = rs.getString("symbol");
        String interval = rs.getString("interval");
        Optional<Series> series = symbol == null || interval == null ? Optional.empty()
                : Optional.of(new Series(Symbol.of(symbol), Interval.fromCode(interval)));
        return new ReplayRun(rs.getObject("id", UUID.class), rs.getString("source"), rs.getString("file"), series,
                rs.getInt("speed"), ReplayTrigger.valueOf(rs.getString("trigger")),
                ReplayStatus.valueOf(rs.getString("status")), Sql.instant(rs, "started_at"),
                Sql.optionalInstant(rs, "finished_at"),
                new ReplayCounts(rs.getLong("lines_read"), rs.getLong("candles_published"),
                        rs.getLong("candles_skipped"), rs.getLong("lines_rejected")),
                Optional.ofNullable(rs.getString("error")));
    }
}
