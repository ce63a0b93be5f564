package dev.peregrine.backtest.engine;

import dev.peregrine.common.event.OrderPurpose;

/** What an order or a fill was for. */
public enum OrderRole {
    /** the market buy an approved BUY signal asks for */
    ENTRY,
    /** the protective stop-market sell resting after an entry filled */
    STOP,
    /** the protective take-profit limit sell resting after an entry filled */
    TAKE_PROFIT,
    /** a market sell risk asks for: an opposite signal, the holding-time limit, the kill switch, a halt */
    EXIT;

    static OrderRole of(OrderPurpose purpose) {
        return switch (purpose) {
            case ENTRY -> ENTRY;
            case STOP_LOSS -> STOP;
            case TAKE_PROFIT -> TAKE_PROFIT;
            case EXIT -> EXIT;
        };
    }
}
