-- Every difference reconciliation found between Peregrine's orders and the venue's, and what was done about it.
create table execution.reconciliation_differences (
    id              bigserial   primary key,
    kind            text        not null
        check (kind in ('FILL_ADOPTED', 'ENDED_AT_VENUE', 'MISSING_AT_VENUE', 'UNKNOWN_SETTLED')),
    client_order_id text        not null references execution.orders (client_order_id),
    detail          text        not null,
    recorded_at     timestamptz not null
);
create index reconciliation_differences_recorded_at_idx on execution.reconciliation_differences (recorded_at);
