package dev.peregrine.monitor.application;

import dev.peregrine.common.value.Symbol;
import dev.peregrine.monitor.application.port.out.OutcomeMetrics;
import dev.peregrine.monitor.domain.outcome.StoredOutcome;
import dev.peregrine.monitor.domain.outcome.TradeOutcome;
import dev.peregrine.monitor.domain.outcome.UnmeasurableOutcome;
import java.util.ArrayList;
import java.util.List;

class CountingOutcomeMetrics implements OutcomeMetrics {

    final List<StoredOutcome> measured = new ArrayList<>();
    final List<String> rejectedCandles = new ArrayList<>();
    final List<TradeOutcome> trades = new ArrayList<>();
    final List<UnmeasurableOutcome> unmeasurable = new ArrayList<>();
    long pending = -1;

    @Override
    public void outcomeUnmeasurable(UnmeasurableOutcome outcome) {
        unmeasurable.add(outcome);
    }

    @Override
    public void outcomeMeasured(StoredOutcome outcome) {
        measured.add(outcome);
    }

    @Override
    public void pending(long count) {
        pending = count;
    }

    @Override
    public void candleRejected(Symbol symbol, String reason) {
        rejectedCandles.add(symbol.value() + ":" + reason);
    }

    @Override
    public void tradeRecorded(TradeOutcome trade) {
        trades.add(trade);
    }
}
