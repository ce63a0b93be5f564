-- One row per validated signal. signal_id is derived from (strategy, symbol, interval, candle open time),
-- so a redelivered candle cannot create a second row.
CREATE TABLE signal.signal_validations (
    signal_id         uuid PRIMARY KEY,
    strategy_id       text        NOT NULL,
    symbol            text        NOT NULL,
    interval          text        NOT NULL,
    candle_close_time timestamptz NOT NULL,
    side              text        NOT NULL CHECK (side IN ('BUY', 'SELL')),
    strength          smallint    NOT NULL CHECK (strength BETWEEN 0 AND 100),
    grade             text        NOT NULL CHECK (grade IN ('A', 'B', 'C', 'D', 'F')),
    confidence        numeric     NOT NULL CHECK (confidence BETWEEN 0 AND 1),
    size_multiplier   numeric     NOT NULL CHECK (size_multiplier BETWEEN 0 AND 1),
    action            text        NOT NULL CHECK (action IN ('TRADE', 'REDUCE', 'SKIP')),
    tradeable         boolean     NOT NULL,
    reference_price   numeric     NOT NULL CHECK (reference_price > 0),
    stop_price        numeric     NOT NULL CHECK (stop_price > 0),
    reasons           jsonb       NOT NULL,
    indicators        jsonb       NOT NULL,
    event_id          uuid        NOT NULL,
    correlation_id    uuid        NOT NULL,
    causation_id      uuid        NOT NULL,
    created_at        timestamptz NOT NULL
);

CREATE INDEX signal_validations_strategy_created_idx ON signal.signal_validations (strategy_id, created_at);
CREATE INDEX signal_validations_symbol_created_idx ON signal.signal_validations (symbol, created_at);

-- Current lifecycle state of each strategy; read into memory on start-up.
CREATE TABLE signal.strategies (
    id         text PRIMARY KEY,
    state      text        NOT NULL CHECK (state IN ('ACTIVE', 'PAUSED')),
    weight     numeric     NOT NULL CHECK (weight BETWEEN 0 AND 1),
    reason     text        NOT NULL,
    changed_by text        NOT NULL,
    changed_at timestamptz NOT NULL
);

-- Every change of a strategy, in order. command_id is the id of the command event that asked for it
-- (null for operator changes through the API); it being unique makes a redelivered command a no-op.
CREATE TABLE signal.strategy_audit (
    id             bigserial PRIMARY KEY,
    strategy_id    text        NOT NULL REFERENCES signal.strategies (id),
    from_state     text        NOT NULL CHECK (from_state IN ('ACTIVE', 'PAUSED')),
    to_state       text        NOT NULL CHECK (to_state IN ('ACTIVE', 'PAUSED')),
    weight         numeric     NOT NULL CHECK (weight BETWEEN 0 AND 1),
    reason         text        NOT NULL,
    changed_by     text        NOT NULL,
    changed_at     timestamptz NOT NULL,
    event_id       uuid        NOT NULL UNIQUE,
    correlation_id uuid        NOT NULL,
    command_id     uuid UNIQUE
);

CREATE INDEX strategy_audit_strategy_changed_idx ON signal.strategy_audit (strategy_id, changed_at);

INSERT INTO signal.strategies (id, state, weight, reason, changed_by, changed_at)
VALUES ('ema-crossover', 'ACTIVE', 1, 'initial registration', 'migration', now());
