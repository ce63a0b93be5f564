-- The retention sweep deletes rejections by age (docs/ingest.md, "Retention"); without this index every chunk of
-- the sweep would read the whole table. Candles (BRIN on open_time) and connection events (occurred_at) have theirs.
CREATE INDEX rejections_rejected_at ON ingest.rejections (rejected_at);
