-- Phase 2: the five analysts are the strategies; the EMA crossover is retired (its crossover lives on in
-- momentum). Debates and the candles each series applied are stored; validations gain the debate, the regime,
-- the consensus and the numbers behind their strength.

-- Retired strategies stay in the table, so their audit trail (strategy_audit references them) and their
-- validations keep their strategy; the registry loads only rows without retired_at, so a retired strategy is
-- neither listed nor changeable (404, a command for it is dead-lettered) and never traded. It is also PAUSED,
-- so anything that still read it would not trade it.
ALTER TABLE signal.strategies ADD COLUMN retired_at timestamptz;

UPDATE signal.strategies
   SET state = 'PAUSED',
       reason = 'retired: replaced by the analyst panel; its EMA crossover lives on in momentum',
       changed_by = 'migration',
       changed_at = now(),
       retired_at = now()
 WHERE id = 'ema-crossover';

INSERT INTO signal.strategies (id, state, weight, reason, changed_by, changed_at)
VALUES ('momentum', 'ACTIVE', 1, 'initial registration', 'migration', now()),
       ('mean-reversion', 'ACTIVE', 1, 'initial registration', 'migration', now()),
       ('breakout', 'ACTIVE', 1, 'initial registration', 'migration', now()),
       ('order-flow', 'ACTIVE', 1, 'initial registration', 'migration', now()),
       ('chart-patterns', 'ACTIVE', 1, 'initial registration', 'migration', now())
ON CONFLICT (id) DO NOTHING;

-- Every closed candle a series applied, so a restart can rebuild the series from its latest ones. Written after
-- the candle's signals are published: a stored candle is a candle whose work is done.
CREATE TABLE signal.candles (
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
    quality_flags          jsonb       NOT NULL,
    source                 text        NOT NULL,
    event_id               uuid        NOT NULL,
    stored_at              timestamptz NOT NULL,
    PRIMARY KEY (symbol, interval, open_time)
);

-- One debate per candle of a series on which at least one analyst took a side. debate_id is derived from
-- (symbol, interval, candle open time), so a redelivered candle cannot create a second row.
CREATE TABLE signal.debates (
    debate_id         uuid PRIMARY KEY,
    symbol            text        NOT NULL,
    interval          text        NOT NULL,
    candle_open_time  timestamptz NOT NULL,
    candle_close_time timestamptz NOT NULL,
    regime            text        NOT NULL,
    verdict           text        NOT NULL CHECK (verdict IN ('BULLISH', 'BEARISH', 'HOLD')),
    conviction        numeric     NOT NULL CHECK (conviction BETWEEN 0 AND 1),
    rationale         text        NOT NULL,
    bull_case         jsonb       NOT NULL,
    bear_case         jsonb       NOT NULL,
    consensus         jsonb       NOT NULL,
    panel             jsonb       NOT NULL,
    correlation_id    uuid        NOT NULL,
    created_at        timestamptz NOT NULL,
    UNIQUE (symbol, interval, candle_open_time)
);

CREATE INDEX debates_symbol_candle_idx ON signal.debates (symbol, candle_open_time);

-- Rows of the EMA crossover keep these empty: it had no panel.
ALTER TABLE signal.signal_validations
    ADD COLUMN candle_open_time timestamptz,
    ADD COLUMN regime           text,
    ADD COLUMN consensus        jsonb,
    ADD COLUMN debate           jsonb,
    ADD COLUMN breakdown        jsonb,
    ADD COLUMN debate_id        uuid REFERENCES signal.debates (debate_id);

CREATE INDEX signal_validations_debate_idx ON signal.signal_validations (debate_id);
CREATE INDEX signal_validations_strategy_grade_idx ON signal.signal_validations (strategy_id, grade, action);
