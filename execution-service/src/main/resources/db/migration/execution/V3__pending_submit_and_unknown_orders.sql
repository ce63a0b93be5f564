-- Write before you send: an order is stored PENDING_SUBMIT before the venue is called (it was NEW, never stored
-- alone), and an order whose fate the venue's answer left open is UNKNOWN until the venue, asked, settles it.
alter table execution.orders drop constraint orders_state_check;
update execution.orders set state = 'PENDING_SUBMIT' where state = 'NEW';
update execution.order_events set to_state = 'PENDING_SUBMIT' where to_state = 'NEW';
update execution.order_events set from_state = 'PENDING_SUBMIT' where from_state = 'NEW';
alter table execution.orders add constraint orders_state_check
    check (state in ('PENDING_SUBMIT', 'UNKNOWN', 'ACCEPTED', 'FILLED', 'REJECTED', 'CANCELED'));

-- A position is made of every order not REJECTED or CANCELED: exits being sent or of unknown outcome claim theirs.
drop index execution.orders_position_idx;
create index orders_position_idx on execution.orders (strategy_id, symbol)
    where state in ('PENDING_SUBMIT', 'UNKNOWN', 'ACCEPTED', 'FILLED');
-- Orders only the venue can settle, looked up by every resolution round.
create index orders_unresolved_idx on execution.orders (created_at) where state in ('PENDING_SUBMIT', 'UNKNOWN');
