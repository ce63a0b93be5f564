-- Outcomes whose candles never arrive (docs/monitoring.md, "Unmeasurable outcomes"): a PENDING row is given up at a
-- deadline as UNMEASURABLE, with the reason and when. It is never published (SignalOutcomeMeasured cannot say
-- "unmeasurable") and never counted as a hit or a miss: every statistic reads MEASURED rows only.
alter table monitor.signal_outcomes drop constraint signal_outcomes_status_check;
alter table monitor.signal_outcomes
    add constraint signal_outcomes_status_check check (status in ('PENDING', 'MEASURED', 'UNMEASURABLE')),
    add column unmeasurable_reason text check (unmeasurable_reason in ('NO_CANDLES', 'NO_EXIT_CANDLE')),
    add column unmeasurable_detail text,
    add column expired_at timestamptz,
    add constraint signal_outcomes_unmeasurable_complete check ((status = 'UNMEASURABLE')
        = (unmeasurable_reason is not null and unmeasurable_detail is not null and expired_at is not null));

-- The deadline sweep looks for old pending rows.
create index signal_outcomes_pending_received_idx on monitor.signal_outcomes (received_at) where status = 'PENDING';
-- ... and for the latest candle stored per series.
create index outcome_candles_recorded_idx on monitor.outcome_candles (symbol, "interval", recorded_at);
