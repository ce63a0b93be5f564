-- Which candles the broker has acknowledged, in a narrow insert-only table instead of an UPDATE of the candle row.
-- The update rewrote every ~300-byte candle row and its two B-tree entries, and cost PostgreSQL as much as the
-- insert itself; one small row per candle with a primary key that grows at its end (UUIDv7 event ids) costs a
-- fraction of that. A candle without a row here is stored but not published yet. No foreign key: its check locks
-- the candle row (FOR KEY SHARE), which writes the row and WAL again; retention deletes both rows together.
CREATE TABLE ingest.candle_publications (
    event_id     uuid        PRIMARY KEY,
    published_at timestamptz NOT NULL
);

INSERT INTO ingest.candle_publications (event_id, published_at)
SELECT event_id, published_at FROM ingest.candles WHERE published_at IS NOT NULL;

ALTER TABLE ingest.candles DROP COLUMN published_at;
