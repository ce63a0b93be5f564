-- Orders as the execution service placed them, one row per clientOrderId, kept at their current state.
create table execution.orders (
    client_order_id   text        primary key,
    intent_id         uuid        not null unique,
    strategy_id       text        not null,
    symbol            text        not null,
    side              text        not null check (side in ('BUY', 'SELL')),
    order_type        text        not null check (order_type in ('MARKET', 'LIMIT')),
    quantity          numeric     not null check (quantity >= 0),
    limit_price       numeric              check (limit_price > 0),
    -- The order may only execute on market data after this instant (the signal candle's close).
    not_before        timestamptz not null,
    state             text        not null check (state in ('NEW', 'ACCEPTED', 'FILLED', 'REJECTED', 'CANCELED')),
    -- Number of transitions so far; updates are conditional on it (optimistic locking).
    version           integer     not null check (version >= 1),
    venue             text        not null,
    venue_order_id    text,
    fill_price        numeric              check (fill_price > 0),
    fee               numeric              check (fee >= 0),
    fee_asset         text,
    -- Market time (the fill candle's open time) at which the venue executed or refused the working order.
    settled_at        timestamptz,
    reject_code       text,
    reject_detail     text,
    -- From the intent's envelope: the chain's correlation id and the intent event (the cause of every report).
    correlation_id    uuid        not null,
    causation_id      uuid        not null,
    intent_event_time timestamptz not null,
    created_at        timestamptz not null,
    updated_at        timestamptz not null,
    check ((state = 'FILLED') = (fill_price is not null and fee is not null and fee_asset is not null)),
    check ((state = 'REJECTED') = (reject_code is not null))
);

-- Working orders of a symbol, looked up on every candle.
create index orders_symbol_state_idx on execution.orders (symbol, state);
-- Orders a redelivered candle settled, to publish their reports again.
create index orders_symbol_settled_at_idx on execution.orders (symbol, settled_at) where settled_at is not null;
create index orders_created_at_idx on execution.orders (created_at);

-- The audit trail: every state change of every order, the creation included (from_state null).
create table execution.order_events (
    id              bigserial   primary key,
    client_order_id text        not null references execution.orders (client_order_id),
    seq             integer     not null check (seq >= 1),
    from_state      text,
    to_state        text        not null,
    detail          text        not null,
    occurred_at     timestamptz not null,
    unique (client_order_id, seq)
);

-- Candle opens per symbol: the paper venue's execution prices. The first candle stored for an open time wins.
create table execution.market_opens (
    symbol     text        not null,
    open_time  timestamptz not null,
    open       numeric     not null check (open > 0),
    "interval" text        not null,
    primary key (symbol, open_time)
);
