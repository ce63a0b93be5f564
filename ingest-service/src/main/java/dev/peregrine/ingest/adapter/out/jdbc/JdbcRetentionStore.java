package dev.peregrine.ingest.adapter.out.jdbc;

import dev.peregrine.ingest.application.port.out.RetentionStore;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;

/**
 * Chunked deletes from schema {@code ingest}: each statement picks at most {@code limit} old rows by their physical
 * address ({@code ctid}) and deletes those, so it is short, holds its row locks briefly and leaves the table
 * usable for the writers meanwhile. A row changed between the pick and the delete gets a new {@code ctid} and is
 * left for the next sweep.
 */
@Component
public class JdbcRetentionStore implements RetentionStore {

    // Only published candles: a stored candle without a publication is still owed to the broker. Its publication
    // row goes in the same statement: ingest.candle_publications has no foreign key to cascade by (migration V4).
    private static final String DELETE_CANDLES = """
            WITH deleted AS (
                DELETE FROM ingest.candles
                 WHERE ctid IN (SELECT c.ctid FROM ingest.candles c
                                 WHERE c.open_time < :cutoff
                                   AND EXISTS (SELECT 1 FROM ingest.candle_publications p WHERE p.event_id = c.event_id)
                                 LIMIT :limit)
                RETURNING event_id
            ), publications AS (
                DELETE FROM ingest.candle_publications WHERE event_id IN (SELECT event_id FROM deleted)
            )
            SELECT count(*) FROM deleted
            """;

    // Settled: the incident was acknowledged, or the line named no series, so no incident can ever be published.
    private static final String DELETE_REJECTIONS = """
            DELETE FROM ingest.rejections
             WHERE ctid IN (SELECT r.ctid FROM ingest.rejections r
                             WHERE r.rejected_at < :cutoff
                               AND (r.published_at IS NOT NULL OR r.symbol IS NULL OR r.interval IS NULL)
                             LIMIT :limit)
            """;

    private static final String DELETE_CONNECTION_EVENTS = """
            DELETE FROM ingest.connection_events
             WHERE ctid IN (SELECT e.ctid FROM ingest.connection_events e WHERE e.occurred_at < :cutoff LIMIT :limit)
            """;

    private final JdbcClient jdbc;

    public JdbcRetentionStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public int deletePublishedCandlesBefore(Instant cutoff, int limit) {
        return jdbc.sql(DELETE_CANDLES)
                .param("cutoff", Sql.timestamp(cutoff))
                .param("limit", limit)
                .query(Long.class)
                .single()
                .intValue();
    }

    @Override
    public int deleteSettledRejectionsBefore(Instant cutoff, int limit) {
        return delete(DELETE_REJECTIONS, cutoff, limit);
    }

    @Override
    public int deleteConnectionEventsBefore(Instant cutoff, int limit) {
        return delete(DELETE_CONNECTION_EVENTS, cutoff, limit);
    }

    private int delete(String sql, Instant cutoff, int limit) {
        return jdbc.sql(sql)
                .param("cutoff", Sql.timestamp(cutoff))
                .param("limit", limit)
                .update();
    }
}
