package dev.peregrine.ingest.adapter.out.jdbc;

import dev.peregrine.ingest.application.port.out.RetentionStore;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Chunked deletes from schema {@code ingest}: each statement picks at most {@code limit} old rows by their physical
 * address ({@code ctid}) and deletes those, so it is short, holds its row locks briefly and leaves the table
 * usable for the writers meanwhile. A row changed between the pick and the delete gets a new {@code ctid} and is
 * left for the next sweep.
 */
@Component
public class JdbcRetentionStore implements RetentionStore {

    // Only published candles: a stored candle whose publication was not acknowledged is still owed to the broker.
    private static final String DELETE_CANDLES = """
            DELETE FROM ingest.candles
             WHERE ctid IN (SELECT c.ctid FROM ingest.candles c
                             WHERE c.open_time < :cutoff
                               AND EXISTS (SELECT 1 FROM ingest.candle_publications p
                                            WHERE p.publication_id = c.publication_id)
                             LIMIT :limit)
            """;

    // A publication holds candles opened before it was acknowledged, so one acknowledged before the cutoff holds only
    // candles the candle sweep deletes. It goes once none of them is left; the day of margin covers a local clock
    // behind the exchange's. An anti-join over the old candles (BRIN on open_time), one statement: publications are
    // a few hundred times fewer than candles.
    private static final String DELETE_EMPTY_PUBLICATIONS = """
            DELETE FROM ingest.candle_publications p
             WHERE p.published_at < :cutoff
               AND NOT EXISTS (SELECT 1 FROM ingest.candles c
                                WHERE c.publication_id = p.publication_id
                                  AND c.open_time < :cutoff + INTERVAL '1 day')
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
        int deleted = delete(DELETE_CANDLES, cutoff, limit);
        if (deleted < limit) {
            jdbc.sql(DELETE_EMPTY_PUBLICATIONS)
                    .param("cutoff", Sql.timestamp(cutoff))
                    .update();
        }
        return deleted;
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
