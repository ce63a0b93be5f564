-- The portfolio (issue 9): the book's state after every fact, the facts applied (each once), positions and their
-- history, the equity curve, every control transition and every anomaly, the exchange's filters.

-- Exit intents answer no signal decision of their own (holding time, kill switch...): their decision id is derived
-- from the position and the cause, so the foreign key to risk.decisions goes.
ALTER TABLE risk.order_intents DROP CONSTRAINT IF EXISTS order_intents_decision_id_fkey;
ALTER TABLE risk.order_intents
    ADD COLUMN purpose      text        NOT NULL DEFAULT 'ENTRY' CHECK (purpose IN ('ENTRY', 'EXIT')),
    ADD COLUMN signal_id    uuid        NULL,
    ADD COLUMN strategy_id  text        NULL,
    ADD COLUMN stop_loss    numeric     NULL CHECK (stop_loss > 0),
    ADD COLUMN take_profit  numeric     NULL CHECK (take_profit > 0),
    ADD COLUMN exit_reason  jsonb       NULL,
    -- Set once the broker acknowledged the intent; NULL ones are announced again (the outbox).
    ADD COLUMN published_at timestamptz NULL;
UPDATE risk.order_intents SET published_at = created_at;
CREATE INDEX order_intents_unpublished_idx ON risk.order_intents (created_at) WHERE published_at IS NULL;

-- One row: the portfolio and the controls as JSON, rewritten in the transaction of every fact that changed them.
CREATE TABLE risk.book_state (
    id         smallint    PRIMARY KEY CHECK (id = 1),
    state      jsonb       NOT NULL,
    updated_at timestamptz NOT NULL
);

-- Facts applied to the book, so a redelivered fill or order end is applied once.
CREATE TABLE risk.applied_facts (
    fact_key   text        PRIMARY KEY,
    applied_at timestamptz NOT NULL
);

-- Every position, open or closed, at its latest version.
CREATE TABLE risk.positions (
    position_id   uuid        PRIMARY KEY,
    strategy_id   text        NOT NULL,
    symbol        text        NOT NULL,
    status        text        NOT NULL CHECK (status IN ('OPEN', 'CLOSED')),
    quantity      numeric     NOT NULL CHECK (quantity >= 0),
    cost          numeric     NOT NULL,
    average_entry numeric     NOT NULL,
    realised_pnl  numeric     NOT NULL,
    fees          numeric     NOT NULL CHECK (fees >= 0),
    opened_at     timestamptz NOT NULL,
    closed_at     timestamptz NULL,
    close_reason  text        NULL,
    stop_loss     numeric     NULL,
    take_profit   numeric     NULL,
    last_cause    text        NOT NULL,
    updated_at    timestamptz NOT NULL,
    CHECK ((status = 'CLOSED') = (closed_at IS NOT NULL))
);
CREATE INDEX positions_status_opened_idx ON risk.positions (status, opened_at DESC);

-- The equity curve: the last valuation of each market hour.
CREATE TABLE risk.equity_curve (
    hour           timestamptz PRIMARY KEY,
    equity         numeric     NOT NULL,
    cash           numeric     NOT NULL,
    reserved       numeric     NOT NULL,
    gross_exposure numeric     NOT NULL,
    daily_pnl      numeric     NOT NULL,
    drawdown       numeric     NOT NULL,
    open_positions integer     NOT NULL,
    recorded_at    timestamptz NOT NULL
);

-- The audit of the controls: who, why, and the numbers at that moment.
CREATE TABLE risk.control_events (
    id            bigserial   PRIMARY KEY,
    control       text        NOT NULL,
    from_state    text        NOT NULL,
    to_state      text        NOT NULL,
    actor         text        NOT NULL,
    reason_code   text        NOT NULL,
    reason_detail text        NOT NULL,
    equity        numeric     NOT NULL,
    daily_pnl     numeric     NOT NULL,
    drawdown      numeric     NOT NULL,
    market_time   timestamptz NOT NULL,
    recorded_at   timestamptz NOT NULL
);

-- What should not happen (a sale beyond a position, negative cash, the venue's balances differing from the book).
CREATE TABLE risk.anomalies (
    id          bigserial   PRIMARY KEY,
    kind        text        NOT NULL,
    detail      text        NOT NULL,
    market_time timestamptz NOT NULL,
    recorded_at timestamptz NOT NULL
);

-- The exchange's filters per symbol, from market.instruments.v1.
CREATE TABLE risk.instruments (
    symbol              text        PRIMARY KEY,
    status              text        NOT NULL,
    tick_size           numeric     NOT NULL CHECK (tick_size > 0),
    step_size           numeric     NOT NULL CHECK (step_size > 0),
    min_quantity        numeric     NOT NULL,
    min_notional        numeric     NOT NULL,
    max_quantity        numeric     NULL,
    market_max_quantity numeric     NULL,
    max_notional        numeric     NULL,
    updated_at          timestamptz NOT NULL
);
