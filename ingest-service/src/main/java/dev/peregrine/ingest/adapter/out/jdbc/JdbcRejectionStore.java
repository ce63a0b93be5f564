package dev.peregrine.ingest.adapter.out.jdbc;

import dev.peregrine.ingest.application.port.out.NewRejection;
import dev.peregrine.ingest.application.port.out.RejectionStore;
import dev.peregrine.ingest.application.port.out.StoredRejection;
import java.time.Instant;
import java.util.Collection;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Component;

/** {@code ingest.rejections}: the first record of a rejected line wins, with its incident's event id. */
@Component
public class JdbcRejectionStore implements RejectionStore {

    private static final String RECORD_IF_ABSENT = """
            WITH inserted AS (
                INSERT INTO ingest.rejections (id, run_id, source, symbol, interval, line_number, reason, detail,
                        raw_line, event_id, rejected_at)
                VALUES (:id, :runId, :source, :symbol, :interval, :lineNumber, :reason, :detail, :rawLine, :eventId,
                        :rejectedAt)
                ON CONFLICT (id) DO NOTHING
                RETURNING id, event_id, rejected_at, published_at
            )
            SELECT id, event_id, rejected_at, published_at FROM inserted
            UNION ALL
            SELECT id, event_id, rejected_at, published_at FROM ingest.rejections
             WHERE id = :id AND NOT EXISTS (SELECT 1 FROM inserted)
            """;

    private final JdbcClient jdbc;

    public JdbcRejectionStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public StoredRejection recordIfAbsent(NewRejection rejection) {
        return jdbc.sql(RECORD_IF_ABSENT)
                .param("id", rejection.id())
                .param("runId", rejection.runId())
                .param("source", rejection.source())
                .param("symbol", rejection.series().map(s -> s.symbol().value()).orElse(null), java.sql.Types.VARCHAR)
                .param(
                        "interval",
                        rejection.series().map(s -> s.interval().code()).orElse(null),
                        java.sql.Types.VARCHAR)
                .param("lineNumber", rejection.lineNumber())
                .param("reason", rejection.reason())
                .param("detail", Sql.text(rejection.detail()))
                .param("rawLine", Sql.text(rejection.rawLine()))
                .param("eventId", rejection.eventId())
                .param("rejectedAt", Sql.timestamp(rejection.rejectedAt()))
                .query((rs, row) -> new StoredRejection(
                        rs.getObject("id", UUID.class),
                        rs.getObject("event_id", UUID.class),
                        Sql.instant(rs, "rejected_at"),
                        Sql.optionalInstant(rs, "published_at")))
                .single();
    }

    @Override
    public void markPublished(Collection<UUID> rejectionIds, Instant publishedAt) {
        if (rejectionIds.isEmpty()) {
            return;
        }
        jdbc.sql("UPDATE ingest.rejections SET published_at = :publishedAt "
                        + "WHERE id = ANY(:ids) AND published_at IS NULL")
                .param("publishedAt", Sql.timestamp(publishedAt))
                .param("ids", new SqlArrayValue("uuid", rejectionIds.toArray()))
                .update();
    }
}
