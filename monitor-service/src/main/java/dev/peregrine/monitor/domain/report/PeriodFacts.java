package dev.peregrine.monitor.domain.report;

import dev.peregrine.monitor.domain.quality.MeasuredOutcome;
import java.util.List;

/**
 * What was stored about a period: signals validated in it, outcomes measured in it (exit candle closed in it) at the
 * report's horizon, positions closed in it, the monitor's pause decisions and the alerts raised in it.
 */
public record PeriodFacts(
        List<SignalCount> signals,
        List<MeasuredOutcome> outcomes,
        List<ClosedTrade> trades,
        List<PauseDecision> decisions,
        List<RaisedAlert> alerts) {

    public PeriodFacts {
        signals = List.copyOf(signals);
        outcomes = List.copyOf(outcomes);
        trades = List.copyOf(trades);
        decisions = List.copyOf(decisions);
        alerts = List.copyOf(alerts);
    }

    public boolean isEmpty() {
        return signals.isEmpty() && outcomes.isEmpty() && trades.isEmpty() && decisions.isEmpty() && alerts.isEmpty();
    }
}
