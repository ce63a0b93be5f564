-- Which candles the broker has acknowledged, recorded once per publication (a batch of candles published and
-- acknowledged together) instead of an UPDATE of every candle row. That update rewrote each ~300-byte row and its
-- two B-tree entries and cost PostgreSQL as much as the insert itself. A candle is stored with the id of the
-- publication it is to go out in; once the broker acknowledged that publication, one row here marks all of its
-- candles published. A candle whose publication has no row here is stored but not published yet.
CREATE TABLE ingest.candle_publications (
    publication_id uuid        PRIMARY KEY,
    published_at   timestamptz NOT NULL
);

-- Candles stored before: each is a publication of its own, under its event id.
ALTER TABLE ingest.candles ADD COLUMN publication_id uuid;
UPDATE ingest.candles SET publication_id = event_id;
INSERT INTO ingest.candle_publications (publication_id, published_at)
SELECT event_id, published_at FROM ingest.candles WHERE published_at IS NOT NULL;
ALTER TABLE ingest.candles ALTER COLUMN publication_id SET NOT NULL;
ALTER TABLE ingest.candles DROP COLUMN published_at;
