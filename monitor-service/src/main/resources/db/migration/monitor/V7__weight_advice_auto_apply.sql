-- Weight advice applied to signal-service (docs/monitoring.md, "Applying weight advice"). Both tables are audit
-- trails: rows are only ever added (weight_changes.announced_at is set once, when the command was sent).

-- Every use of the operator's switch; the latest row (by seq) is its position. No row: off.
create table monitor.advice_auto_apply_switches (
    seq        bigserial   primary key,
    enabled    boolean     not null,
    reason     text        not null check (length(trim(reason)) > 0),
    changed_by text        not null,
    changed_at timestamptz not null
);

-- Every weight the monitor decided to send, with the advice behind it; announced_at NULL = still to send.
create table monitor.weight_changes (
    seq             bigserial        primary key,
    change_id       uuid             not null unique,
    strategy_id     text             not null,
    previous_weight double precision check (previous_weight between 0 and 1),
    weight          double precision not null check (weight between 0 and 1),
    basis           text             not null,
    sample_size     integer          not null check (sample_size >= 0),
    mean            double precision not null,
    shrunk_mean     double precision not null,
    lower_bound     double precision not null,
    horizon_seconds bigint           not null check (horizon_seconds > 0),
    window_start    timestamptz,
    reason          text             not null,
    decided_at      timestamptz      not null,
    announced_at    timestamptz
);
create index weight_changes_strategy_idx on monitor.weight_changes (strategy_id, seq);
create index weight_changes_unannounced_idx on monitor.weight_changes (seq) where announced_at is null;
