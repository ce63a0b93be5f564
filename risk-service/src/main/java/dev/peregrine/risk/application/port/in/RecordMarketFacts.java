package dev.peregrine.risk.application.port.in;

import dev.peregrine.common.event.AccountSnapshot;
import dev.peregrine.common.event.InstrumentUpdated;
import dev.peregrine.common.event.StrategyStateChanged;

/** The other facts risk listens to: the exchange's filters, the venue's balances, strategies paused. */
public interface RecordMarketFacts {

    void instrument(InstrumentUpdated instrument);

    void account(AccountSnapshot snapshot);

    void strategyState(StrategyStateChanged change);
}
