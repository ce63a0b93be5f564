-- Outcomes (docs/monitoring.md, "Outcomes").

-- The closed candles outcomes are measured from, per symbol and interval; pruned behind the latest candle once no
-- pending outcome needs them.
create table monitor.outcome_candles (
    symbol      text        not null,
    "interval"  text        not null,
    open_time   timestamptz not null,
    close_time  timestamptz not null,
    open        numeric     not null check (open > 0),
    high        numeric     not null,
    low         numeric     not null check (low > 0),
    close       numeric     not null check (close > 0),
    -- ingest's data-quality stage flagged it
    flagged     boolean     not null,
    recorded_at timestamptz not null,
    primary key (symbol, "interval", open_time),
    constraint outcome_candles_ohlc check (high >= greatest(open, close) and low <= least(open, close))
);

-- One row per validated signal and horizon: PENDING when the signal arrives, MEASURED once its exit candle closed.
-- published_at makes the measured rows an outbox: a row measured but not acknowledged by the broker is published
-- again (with the same event id) before anything else.
create table monitor.signal_outcomes (
    signal_id                uuid             not null,
    horizon_seconds          bigint           not null check (horizon_seconds > 0),
    status                   text             not null check (status in ('PENDING', 'MEASURED')),
    signal_event_id          uuid             not null,
    correlation_id           uuid             not null,
    strategy_id              text             not null,
    symbol                   text             not null,
    "interval"               text             not null,
    side                     text             not null check (side in ('BUY', 'SELL')),
    grade                    text             not null,
    strength                 integer          not null check (strength between 0 and 100),
    confidence               double precision not null check (confidence between 0 and 1),
    action                   text             not null,
    tradeable                boolean          not null,
    regime                   text,
    signal_close_time        timestamptz      not null,
    received_at              timestamptz      not null,
    event_id                 uuid,
    entry_time               timestamptz,
    entry_price              numeric,
    exit_time                timestamptz,
    exit_price               numeric,
    exit_candle_close        timestamptz,
    gross_return             numeric,
    round_trip_cost          numeric,
    net_return               numeric,
    max_favourable_excursion numeric,
    max_adverse_excursion    numeric,
    hit                      boolean,
    -- comma-separated OutcomeFlag names, empty when none
    flags                    text,
    measured_at              timestamptz,
    published_at             timestamptz,
    primary key (signal_id, horizon_seconds),
    constraint signal_outcomes_measured_complete check ((status = 'MEASURED') = (event_id is not null
        and entry_time is not null and entry_price is not null and exit_time is not null and exit_price is not null
        and exit_candle_close is not null and gross_return is not null and round_trip_cost is not null
        and net_return is not null and max_favourable_excursion is not null and max_adverse_excursion is not null
        and hit is not null and flags is not null and measured_at is not null)),
    constraint signal_outcomes_published_when_measured check (published_at is null or status = 'MEASURED')
);

create index signal_outcomes_pending_idx on monitor.signal_outcomes (symbol, "interval", signal_close_time)
    where status = 'PENDING';
create index signal_outcomes_unpublished_idx on monitor.signal_outcomes (measured_at)
    where status = 'MEASURED' and published_at is null;
create index signal_outcomes_strategy_idx on monitor.signal_outcomes (strategy_id, horizon_seconds, exit_time)
    where status = 'MEASURED';

-- The order that opened each position (the cause of its first PositionChanged), to join its trade to its signal.
create table monitor.position_entries (
    position_id           uuid primary key,
    strategy_id           text        not null,
    symbol                text        not null,
    entry_client_order_id text        not null,
    opened_at             timestamptz not null,
    recorded_at           timestamptz not null
);

-- What each closed position earned, from risk's CLOSED PositionChanged; signal_id when the entry could be traced.
create table monitor.trade_outcomes (
    position_id           uuid primary key,
    strategy_id           text        not null,
    symbol                text        not null,
    entry_client_order_id text,
    exit_client_order_id  text        not null,
    signal_id             uuid,
    opened_at             timestamptz not null,
    closed_at             timestamptz not null,
    holding_seconds       bigint      not null check (holding_seconds >= 0),
    realised_pnl          numeric     not null,
    pnl_currency          text        not null,
    fees                  numeric     not null,
    fee_currency          text        not null,
    average_entry         numeric     not null,
    close_reason          text        not null,
    recorded_at           timestamptz not null
);

create index trade_outcomes_strategy_idx on monitor.trade_outcomes (strategy_id, closed_at);
create index trade_outcomes_signal_idx on monitor.trade_outcomes (signal_id);
