-- Auto-pause (issue 11 part 3): each strategy's degradation-rule state, the outcomes it has judged (each once), and
-- every pause or resume the monitor decided, announced from here (announced_at NULL = still to announce).
create table monitor.strategy_health (
    strategy_id text        primary key,
    state       jsonb       not null,
    paused      boolean     not null,
    updated_at  timestamptz not null
);

create table monitor.judged_outcomes (
    outcome_key text        primary key,
    strategy_id text        not null,
    judged_at   timestamptz not null
);

create table monitor.health_decisions (
    decision_id  uuid        primary key,
    strategy_id  text        not null,
    action       text        not null check (action in ('PAUSE', 'RESUME')),
    evidence     text        not null,
    decided_at   timestamptz not null,
    announced_at timestamptz
);
create index health_decisions_unannounced_idx on monitor.health_decisions (decided_at) where announced_at is null;
