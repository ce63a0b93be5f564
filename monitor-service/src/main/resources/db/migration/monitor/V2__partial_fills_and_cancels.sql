-- Execution reports now include partial fills (one per venue trade) and cancellations/expiries.
alter table monitor.executions drop constraint executions_report_type_check;
alter table monitor.executions add constraint executions_report_type_check
    check (report_type in ('ACCEPTED', 'PARTIALLY_FILLED', 'FILLED', 'CANCELED', 'REJECTED'));

-- An order is accepted, filled (completely), canceled or rejected at most once; it may have many partial fills,
-- each under its own event id (the primary key makes a redelivery a no-op).
alter table monitor.executions drop constraint executions_one_report_per_type;
create unique index executions_one_report_per_type
    on monitor.executions (client_order_id, report_type) where report_type <> 'PARTIALLY_FILLED';
