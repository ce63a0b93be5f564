-- Replays of raw WebSocket captures beside kline CSV files: the run records its format and, for captures, how
-- many messages of each kind it read ({"TRADE": 9757, ...}).
ALTER TABLE ingest.replay_runs
    ADD COLUMN format   text  NOT NULL DEFAULT 'klines-csv' CHECK (format IN ('klines-csv', 'ws-capture')),
    ADD COLUMN messages jsonb NOT NULL DEFAULT '{}';

-- A capture line that cannot be read (cut, not JSON, unknown message) names no series.
ALTER TABLE ingest.rejections
    ALTER COLUMN symbol DROP NOT NULL,
    ALTER COLUMN interval DROP NOT NULL;
