package dev.peregrine.monitor.application.port.in;

import dev.peregrine.common.event.ExecutionReportEvent;
import dev.peregrine.common.event.RiskDecisionEvent;
import dev.peregrine.common.event.SignalEvent;

/**
 * Records the steps of trade chains. Each method is idempotent: delivering the same event again changes
 * neither the stored rows nor the metrics and answers {@link Recording#DUPLICATE}.
 */
public interface RecordTradeFlow {

    Recording recordSignal(SignalEvent event);

    Recording recordDecision(RiskDecisionEvent event);

    Recording recordExecution(ExecutionReportEvent event);
}
