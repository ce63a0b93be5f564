-- Candles as ingested, one row per (symbol, interval, open time). A row is written before its event is
-- published and marked published after the broker acknowledged it, so a restart can tell what is left to do.
CREATE TABLE ingest.candles (
    symbol                 text        NOT NULL,
    interval               text        NOT NULL,
    open_time              timestamptz NOT NULL,
    close_time             timestamptz NOT NULL,
    open                   numeric     NOT NULL,
    high                   numeric     NOT NULL,
    low                    numeric     NOT NULL,
    close                  numeric     NOT NULL,
    volume                 numeric     NOT NULL,
    quote_volume           numeric     NOT NULL,
    trades                 bigint      NOT NULL,
    taker_buy_base_volume  numeric     NOT NULL,
    taker_buy_quote_volume numeric     NOT NULL,
    quality_flags          text[]      NOT NULL DEFAULT '{}',
    source                 text        NOT NULL,
    -- The CandleClosed event id, which is also the correlation id of everything that follows from the candle.
    event_id               uuid        NOT NULL UNIQUE,
    ingested_at            timestamptz NOT NULL,
    published_at           timestamptz,
    PRIMARY KEY (symbol, interval, open_time),
    CHECK (close_time > open_time),
    CHECK (trades >= 0)
);

-- Candles arrive in time order, so a BRIN index covers time-range scans at a fraction of a B-tree's size.
CREATE INDEX candles_open_time_brin ON ingest.candles USING brin (open_time);

-- Input lines that did not become a published candle; the id is derived from source, line number and line,
-- so re-reading the same file finds the same rows.
CREATE TABLE ingest.rejections (
    id           uuid        PRIMARY KEY,
    run_id       uuid        NOT NULL,
    source       text        NOT NULL,
    symbol       text        NOT NULL,
    interval     text        NOT NULL,
    line_number  bigint      NOT NULL,
    reason       text        NOT NULL,
    detail       text        NOT NULL,
    raw_line     text        NOT NULL CHECK (length(raw_line) <= 500),
    -- The QualityIncident event id that reported the rejection.
    event_id     uuid        NOT NULL UNIQUE,
    rejected_at  timestamptz NOT NULL,
    published_at timestamptz
);

CREATE INDEX rejections_source_line ON ingest.rejections (source, line_number);

CREATE TABLE ingest.replay_runs (
    id                uuid        PRIMARY KEY,
    source            text        NOT NULL,
    file              text        NOT NULL,
    symbol            text,
    interval          text,
    speed             integer     NOT NULL CHECK (speed >= 0),
    trigger           text        NOT NULL CHECK (trigger IN ('STARTUP', 'OPERATOR')),
    status            text        NOT NULL CHECK (status IN ('RUNNING', 'COMPLETED', 'FAILED', 'CANCELLED')),
    started_at        timestamptz NOT NULL,
    finished_at       timestamptz,
    lines_read        bigint      NOT NULL DEFAULT 0,
    candles_published bigint      NOT NULL DEFAULT 0,
    candles_skipped   bigint      NOT NULL DEFAULT 0,
    lines_rejected    bigint      NOT NULL DEFAULT 0,
    error             text,
    CHECK ((status = 'RUNNING') = (finished_at IS NULL))
);

CREATE INDEX replay_runs_started_at ON ingest.replay_runs (started_at DESC);
