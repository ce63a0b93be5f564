package dev.peregrine.common.event;

/**
 * Why an order exists. Spot, long only: an ENTRY buys, everything else sells what an entry bought.
 * STOP_LOSS and TAKE_PROFIT are the protective pair execution rests on the venue after an entry fills;
 * risk never asks for them by intent, it only hears of their fills.
 */
public enum OrderPurpose {
    ENTRY,
    EXIT,
    STOP_LOSS,
    TAKE_PROFIT;

    /** Whether an order of this purpose sells (everything but an entry does). */
    public boolean sells() {
        return this != ENTRY;
    }
}
