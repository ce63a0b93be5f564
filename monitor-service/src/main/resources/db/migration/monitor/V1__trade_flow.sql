-- The steps of each trade chain as the monitor saw them: one row per validated signal, risk decision and
-- execution report, each keyed by its business id so that a redelivered event adds nothing.

create table monitor.signals (
    signal_id       uuid primary key,
    strategy_id     text             not null,
    symbol          text             not null,
    "interval"      text             not null,
    side            text             not null check (side in ('BUY', 'SELL')),
    strength        integer          not null check (strength between 0 and 100),
    grade           text             not null,
    confidence      double precision not null check (confidence between 0 and 1),
    action          text             not null,
    tradeable       boolean          not null,
    reference_price numeric          not null check (reference_price > 0),
    correlation_id  uuid             not null,
    event_time      timestamptz      not null,
    -- When signal-service produced the signal: start of the signal-to-fill latency.
    processing_time timestamptz      not null,
    recorded_at     timestamptz      not null
);

create index signals_strategy_event_time_idx on monitor.signals (strategy_id, event_time);
create index signals_event_time_idx on monitor.signals (event_time);
create index signals_correlation_idx on monitor.signals (correlation_id);

create table monitor.decisions (
    decision_id    uuid primary key,
    signal_id      uuid        not null,
    strategy_id    text        not null,
    symbol         text        not null,
    outcome        text        not null check (outcome in ('APPROVED', 'DENIED')),
    quantity       numeric     check (quantity > 0),
    reasons        jsonb       not null,
    correlation_id uuid        not null,
    recorded_at    timestamptz not null,
    constraint decisions_quantity_iff_approved check ((outcome = 'APPROVED') = (quantity is not null))
);

create index decisions_correlation_idx on monitor.decisions (correlation_id);

create table monitor.executions (
    event_id        uuid primary key,
    client_order_id text        not null,
    report_type     text        not null check (report_type in ('ACCEPTED', 'FILLED', 'REJECTED')),
    strategy_id     text        not null,
    symbol          text        not null,
    side            text        not null check (side in ('BUY', 'SELL')),
    quantity        numeric,
    fill_price      numeric,
    fee             numeric,
    fee_asset       text,
    reason          jsonb,
    correlation_id  uuid        not null,
    -- When execution-service produced the report: end of the signal-to-fill latency for fills.
    processing_time timestamptz not null,
    recorded_at     timestamptz not null,
    -- An order is accepted, filled (completely) or rejected at most once: a report re-published under a
    -- new event id is still a duplicate.
    constraint executions_one_report_per_type unique (client_order_id, report_type),
    constraint executions_fee_has_asset check ((fee is null) = (fee_asset is null))
);

create index executions_correlation_idx on monitor.executions (correlation_id);
