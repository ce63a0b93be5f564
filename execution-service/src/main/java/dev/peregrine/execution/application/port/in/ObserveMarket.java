package dev.peregrine.execution.application.port.in;

import dev.peregrine.common.event.CandleClosed;

/** Takes note of a closed candle and lets the venue execute the working orders it makes executable. */
public interface ObserveMarket {

    void observe(CandleClosed candle);
}
