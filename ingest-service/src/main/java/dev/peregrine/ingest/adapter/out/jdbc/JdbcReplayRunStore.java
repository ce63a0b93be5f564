package dev.peregrine.ingest.adapter.out.jdbc;

import dev.peregrine.common.value.Interval;
import dev.peregrine.common.value.Symbol;
import dev.peregrine.ingest.application.port.out.ReplayRunStore;
import dev.peregrine.ingest.domain.MessageKind;
import dev.peregrine.ingest.domain.ReplayCounts;
import dev.peregrine.ingest.domain.ReplayFormat;
import dev.peregrine.ingest.domain.ReplayRun;
import dev.peregrine.ingest.domain.ReplayStatus;
import dev.peregrine.ingest.domain.ReplayTrigger;
import dev.peregrine.ingest.domain.Series;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code ingest.replay_runs}; a capture's message counts per kind are a jsonb object. */
@Component
public class JdbcReplayRunStore implements ReplayRunStore {

    private static final String COLUMNS = "id, source, file, format, symbol, interval, speed, trigger, status, "
            + "started_at, finished_at, lines_read, candles_published, candles_skipped, lines_rejected, messages, "
            + "error, requested_by, cancelled_by";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;

    public JdbcReplayRunStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void insert(ReplayRun run) {
        jdbc.sql(
                        "INSERT INTO ingest.replay_runs (" + COLUMNS
                                + ") VALUES (:id, :source, :file, :format, :symbol, "
                                + ":interval, :speed, :trigger, :status, :startedAt, :finishedAt, :linesRead, "
                                + ":candlesPublished, "
                                + ":candlesSkipped, :linesRejected, CAST(:messages AS jsonb), :error, :requestedBy, :cancelledBy)")
                .param("id", run.id())
                .param("source", run.source())
                .param("file", Sql.text(run.file()))
                .param("format", run.format().code())
                .param("symbol", run.series().map(s -> s.symbol().value()).orElse(null), java.sql.Types.VARCHAR)
                .param("interval", run.series().map(s -> s.interval().code()).orElse(null), java.sql.Types.VARCHAR)
                .param("speed", run.speed())
                .param("trigger", run.trigger().name())
                .param("status", run.status().name())
                .param("startedAt", Sql.timestamp(run.startedAt()))
                .param(
                        "finishedAt",
                        Sql.timestamp(run.finishedAt().orElse(null)),
                        java.sql.Types.TIMESTAMP_WITH_TIMEZONE)
                .param("linesRead", run.counts().linesRead())
                .param("candlesPublished", run.counts().candlesPublished())
                .param("candlesSkipped", run.counts().candlesSkipped())
                .param("linesRejected", run.counts().linesRejected())
                .param("messages", messages(run.counts().messages()))
                .param("error", Sql.text(run.error().orElse(null)), java.sql.Types.VARCHAR)
                .param("requestedBy", Sql.text(run.requestedBy().orElse(null)), java.sql.Types.VARCHAR)
                .param("cancelledBy", Sql.text(run.cancelledBy().orElse(null)), java.sql.Types.VARCHAR)
                .update();
    }

    @Override
    public void update(ReplayRun run) {
        jdbc.sql("UPDATE ingest.replay_runs SET status = :status, finished_at = :finishedAt, lines_read = :linesRead, "
                        + "candles_published = :candlesPublished, candles_skipped = :candlesSkipped, "
                        + "lines_rejected = :linesRejected, messages = CAST(:messages AS jsonb), error = :error, "
                        + "cancelled_by = :cancelledBy WHERE id = :id")
                .param("id", run.id())
                .param("status", run.status().name())
                .param(
                        "finishedAt",
                        Sql.timestamp(run.finishedAt().orElse(null)),
                        java.sql.Types.TIMESTAMP_WITH_TIMEZONE)
                .param("linesRead", run.counts().linesRead())
                .param("candlesPublished", run.counts().candlesPublished())
                .param("candlesSkipped", run.counts().candlesSkipped())
                .param("linesRejected", run.counts().linesRejected())
                .param("messages", messages(run.counts().messages()))
                .param("error", Sql.text(run.error().orElse(null)), java.sql.Types.VARCHAR)
                .param("cancelledBy", Sql.text(run.cancelledBy().orElse(null)), java.sql.Types.VARCHAR)
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
        JdbcClient.StatementSpec statement =
                jdbc.sql(sql).param("at", Sql.timestamp(at)).param("reason", reason);
        if (exceptId != null) {
            statement = statement.param("exceptId", exceptId);
        }
        return statement.update();
    }

    private static ReplayRun run(ResultSet rs, int row) throws SQLException {
        String symbol = rs.getString("symbol");
        String interval = rs.getString("interval");
        Optional<Series> series = symbol == null || interval == null
                ? Optional.empty()
                : Optional.of(new Series(Symbol.of(symbol), Interval.fromCode(interval)));
        return new ReplayRun(
                rs.getObject("id", UUID.class),
                rs.getString("source"),
                rs.getString("file"),
                ReplayFormat.fromCode(rs.getString("format")),
                series,
                rs.getInt("speed"),
                ReplayTrigger.valueOf(rs.getString("trigger")),
                ReplayStatus.valueOf(rs.getString("status")),
                Sql.instant(rs, "started_at"),
                Sql.optionalInstant(rs, "finished_at"),
                new ReplayCounts(
                        rs.getLong("lines_read"),
                        rs.getLong("candles_published"),
                        rs.getLong("candles_skipped"),
                        rs.getLong("lines_rejected"),
                        messages(rs.getString("messages"))),
                Optional.ofNullable(rs.getString("error")),
                Optional.ofNullable(rs.getString("requested_by")),
                Optional.ofNullable(rs.getString("cancelled_by")));
    }

    private static String messages(Map<MessageKind, Long> counts) {
        return JSON.writeValueAsString(counts);
    }

    /** Kinds this version does not know (written by a newer one) are left out rather than failing the read. */
    private static Map<MessageKind, Long> messages(String json) {
        Map<MessageKind, Long> counts = new EnumMap<>(MessageKind.class);
        JsonNode node = JSON.readTree(json == null ? "{}" : json);
        for (MessageKind kind : MessageKind.values()) {
            JsonNode count = node.get(kind.name());
            if (count != null && count.canConvertToLong()) {
                counts.put(kind, count.asLong());
            }
        }
        return counts;
    }
}
