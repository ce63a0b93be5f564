-- How far each series' candles have been pruned (docs/monitoring.md, "Unmeasurable outcomes"): a signal that arrives
-- after its candles were deleted is given up as CANDLES_PRUNED instead of being measured from the first candle kept.
create table monitor.outcome_candle_pruning (
    symbol        text        not null,
    "interval"    text        not null,
    pruned_before timestamptz not null,
    primary key (symbol, "interval")
);

alter table monitor.signal_outcomes drop constraint signal_outcomes_unmeasurable_reason_check;
alter table monitor.signal_outcomes
    add constraint signal_outcomes_unmeasurable_reason_check
        check (unmeasurable_reason in ('NO_CANDLES', 'NO_EXIT_CANDLE', 'CANDLES_PRUNED'));
