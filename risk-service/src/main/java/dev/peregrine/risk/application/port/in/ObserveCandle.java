package dev.peregrine.risk.application.port.in;

import dev.peregrine.common.event.CandleClosed;

/** A closed candle marks the portfolio to market, drives the controls and the holding-time exits. */
public interface ObserveCandle {

    void observe(CandleClosed candle);
}
