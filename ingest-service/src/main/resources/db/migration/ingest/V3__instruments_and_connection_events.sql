-- Trading rules of the live feed's symbols as exchangeInfo last stated them; event_id is the InstrumentUpdated
-- that announces them, published_at is set once the broker acknowledged it.
CREATE TABLE ingest.instruments (
    symbol       text        PRIMARY KEY,
    status       text        NOT NULL,
    base_asset   text        NOT NULL,
    quote_asset  text        NOT NULL,
    tick_size    numeric     NOT NULL CHECK (tick_size > 0),
    step_size    numeric     NOT NULL CHECK (step_size > 0),
    min_qty      numeric     NOT NULL CHECK (min_qty >= 0),
    min_notional numeric     NOT NULL CHECK (min_notional >= 0),
    event_id     uuid        NOT NULL UNIQUE,
    updated_at   timestamptz NOT NULL,
    published_at timestamptz
);

-- The live feed's audit trail: connections opened and lost, reconnects, backfills and Binance's rate limits.
CREATE TABLE ingest.connection_events (
    id          uuid        PRIMARY KEY,
    occurred_at timestamptz NOT NULL,
    type        text        NOT NULL CHECK (type IN ('CONNECTED', 'DISCONNECTED', 'RECONNECTING', 'PLANNED_RECONNECT',
                                                     'BACKFILL_REQUESTED', 'BACKFILL_RECEIVED', 'BACKFILL_FAILED',
                                                     'RATE_LIMITED', 'BANNED')),
    channel     text        NOT NULL,
    symbol      text,
    interval    text,
    range_from  timestamptz,
    range_to    timestamptz,
    candles     integer     CHECK (candles >= 0),
    detail      text        NOT NULL
);

CREATE INDEX connection_events_occurred_at ON ingest.connection_events (occurred_at DESC);
