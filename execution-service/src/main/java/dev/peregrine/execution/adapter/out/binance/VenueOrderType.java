package dev.peregrine.execution.adapter.out.binance;

/** Binance spot order types, as the venue reports them (rest-api.md, "Order types"). */
public enum VenueOrderType {
    LIMIT,
    MARKET,
    STOP_LOSS,
    STOP_LOSS_LIMIT,
    TAKE_PROFIT,
    TAKE_PROFIT_LIMIT,
    LIMIT_MAKER
}
