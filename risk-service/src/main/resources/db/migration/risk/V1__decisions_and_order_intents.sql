-- One decision per validated signal; decision_id derives from signal_id, so a redelivered signal hits the
-- primary key and the unique signal_id alike and is skipped by ON CONFLICT DO NOTHING.
CREATE TABLE risk.decisions (
    decision_id    uuid        PRIMARY KEY,
    signal_id      uuid        NOT NULL UNIQUE,
    strategy_id    text        NOT NULL,
    symbol         text        NOT NULL,
    side           text        NOT NULL CHECK (side IN ('BUY', 'SELL')),
    outcome        text        NOT NULL CHECK (outcome IN ('APPROVED', 'DENIED')),
    quantity       numeric     NULL CHECK (quantity > 0),
    entry_price    numeric     NOT NULL,
    stop_price     numeric     NOT NULL,
    risk_amount    numeric     NULL,
    risk_currency  text        NULL,
    reasons        jsonb       NOT NULL,
    correlation_id uuid        NOT NULL,
    causation_id   uuid        NOT NULL,
    decided_at     timestamptz NOT NULL,
    CONSTRAINT decisions_sized_iff_approved CHECK (
        (outcome = 'APPROVED') = (quantity IS NOT NULL AND risk_amount IS NOT NULL AND risk_currency IS NOT NULL))
);

CREATE INDEX decisions_symbol_decided_at_idx ON risk.decisions (symbol, decided_at);

-- The order each approval asks for; client_order_id is the venue's idempotency key.
CREATE TABLE risk.order_intents (
    intent_id       uuid        PRIMARY KEY,
    decision_id     uuid        NOT NULL UNIQUE REFERENCES risk.decisions (decision_id),
    client_order_id text        NOT NULL UNIQUE CHECK (length(client_order_id) BETWEEN 1 AND 36),
    symbol          text        NOT NULL,
    side            text        NOT NULL CHECK (side IN ('BUY', 'SELL')),
    order_type      text        NOT NULL CHECK (order_type IN ('MARKET', 'LIMIT')),
    quantity        numeric     NOT NULL CHECK (quantity > 0),
    not_before      timestamptz NOT NULL,
    correlation_id  uuid        NOT NULL,
    created_at      timestamptz NOT NULL
);
