-- Alerts from alerts.v1 and their delivery to the configured channels (webhook, Telegram).
-- An alert is recorded once per event id; each (alert, channel) gets one delivery row whose state survives
-- restarts, so an alert is neither lost nor sent twice (see docs/monitoring-alerts.md).

create table monitor.alerts (
    -- The event id of the AlertRaised: a redelivered record adds nothing.
    alert_id    uuid primary key,
    -- Derived: source|code|subject (AlertRaised has no explicit key). The rate limit applies per key.
    dedup_key   text        not null,
    severity    text        not null check (severity in ('INFO', 'WARNING', 'CRITICAL')),
    source      text        not null,
    subject     text        not null,
    code        text        not null,
    message     text        not null,
    -- Derived: the text after "Runbook:" in the message, else a pointer to the documentation.
    runbook     text        not null,
    event_time  timestamptz not null,
    received_at timestamptz not null
);

create index alerts_dedup_key_idx on monitor.alerts (dedup_key, received_at);

create table monitor.alert_deliveries (
    delivery_id      uuid primary key,
    -- For a SUMMARY: the latest of the suppressed alerts it reports.
    alert_id         uuid        not null references monitor.alerts (alert_id),
    channel          text        not null check (channel in ('WEBHOOK', 'TELEGRAM')),
    kind             text        not null check (kind in ('ALERT', 'SUMMARY')),
    status           text        not null check (status in ('PENDING', 'SENT', 'FAILED', 'SUPPRESSED')),
    -- Suppressed alerts of the key this message reports, and when the first of them arrived.
    reported         integer     not null default 0 check (reported >= 0),
    suppressed_since timestamptz,
    -- Attempts made (counted when claimed); while PENDING, next_attempt_at is also the claim's lease.
    attempts         integer     not null default 0 check (attempts >= 0),
    next_attempt_at  timestamptz not null,
    -- Status code or exception type of the last failure; never a URL or token.
    last_error       text,
    created_at       timestamptz not null,
    -- When it became SENT or FAILED.
    completed_at     timestamptz,
    constraint alert_deliveries_reported_since check ((reported = 0) = (suppressed_since is null)),
    constraint alert_deliveries_completed check ((status in ('SENT', 'FAILED')) = (completed_at is not null))
);

-- One delivery of an alert per channel, however often the alert is received.
create unique index alert_deliveries_one_per_alert_channel on monitor.alert_deliveries (alert_id, channel)
    where kind = 'ALERT';
-- The dispatcher's query: due PENDING rows.
create index alert_deliveries_due_idx on monitor.alert_deliveries (next_attempt_at) where status = 'PENDING';
create index alert_deliveries_alert_idx on monitor.alert_deliveries (alert_id);

-- The rate limit's window per de-duplication key.
create table monitor.alert_rate_windows (
    dedup_key                text primary key,
    ends_at                  timestamptz not null,
    suppressed               integer     not null default 0 check (suppressed >= 0),
    suppressed_since         timestamptz,
    last_suppressed_alert_id uuid references monitor.alerts (alert_id),
    constraint alert_rate_windows_suppressed check (
        (suppressed = 0) = (suppressed_since is null) and (suppressed = 0) = (last_suppressed_alert_id is null))
);

create index alert_rate_windows_due_idx on monitor.alert_rate_windows (ends_at) where suppressed > 0;
