-- Orders keep why they exist (purpose) and what they protect, fills keep the price before slippage, and
-- cancels keep their reason and the order whose handling caused them.
alter table execution.orders
    add column purpose                text,
    -- An entry's protective levels; a protective leg carries both levels of its pair.
    add column stop_loss              numeric check (stop_loss > 0),
    add column take_profit            numeric check (take_profit > 0),
    add column exit_reason_code       text,
    add column exit_reason_detail     text,
    -- A protective leg's entry.
    add column parent_client_order_id text references execution.orders (client_order_id),
    -- The price before the venue's slippage (the candle's open, the triggered stop or the take-profit).
    add column reference_price        numeric check (reference_price > 0),
    add column cancel_code            text,
    add column cancel_detail          text,
    -- The order whose handling canceled this one (the protective leg that filled, the exit of the position).
    add column canceled_by            text;

-- Orders placed before this version: a BUY was an entry and a SELL an exit, and no slippage was applied, so the
-- price before slippage is the fill price. Nothing canceled orders then; should a row say CANCELED anyway, its
-- reason is unknown.
update execution.orders set purpose = case side when 'BUY' then 'ENTRY' else 'EXIT' end;
update execution.orders set reference_price = fill_price where fill_price is not null;
update execution.orders set cancel_code = 'UNKNOWN', cancel_detail = 'canceled before cancel reasons were kept'
 where state = 'CANCELED';

alter table execution.orders
    alter column purpose set not null,
    add constraint orders_purpose_check check (purpose in ('ENTRY', 'EXIT', 'STOP_LOSS', 'TAKE_PROFIT')),
    -- Spot, long only: an entry buys, everything else sells.
    add constraint orders_purpose_side_check check ((purpose = 'ENTRY') = (side = 'BUY')),
    add constraint orders_protective_parent_check
        check ((purpose in ('STOP_LOSS', 'TAKE_PROFIT')) = (parent_client_order_id is not null)),
    add constraint orders_exit_reason_check check ((exit_reason_code is null) = (exit_reason_detail is null)),
    add constraint orders_fill_reference_check check ((fill_price is null) = (reference_price is null)),
    add constraint orders_canceled_check check ((state = 'CANCELED') = (cancel_code is not null));

-- What a strategy holds of a symbol, read by every exit.
create index orders_position_idx on execution.orders (strategy_id, symbol) where state in ('ACCEPTED', 'FILLED');
-- The legs of an entry and the orders another one canceled, to report them again on redelivery.
create index orders_parent_idx on execution.orders (parent_client_order_id) where parent_client_order_id is not null;
create index orders_canceled_by_idx on execution.orders (canceled_by) where canceled_by is not null;

-- The whole candle, not only its open: fills are clamped to its [low, high], and resting stops and take-profits
-- trigger on it. Candles stored before this version have their open only (high, low and close null) and are read
-- as if nothing but the open traded.
alter table execution.market_opens rename to market_candles;
alter table execution.market_candles
    add column high  numeric check (high > 0),
    add column low   numeric check (low > 0),
    add column close numeric check (close > 0),
    add constraint market_candles_range_check check (
        (high is null and low is null and close is null)
        or (low <= open and low <= close and high >= open and high >= close));
