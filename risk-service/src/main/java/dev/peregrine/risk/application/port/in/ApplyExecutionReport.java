package dev.peregrine.risk.application.port.in;

import dev.peregrine.common.event.ExecutionReportEvent;

/** Fills, partial fills, fees, cancellations and rejections change the portfolio; each is applied once. */
public interface ApplyExecutionReport {

    void apply(ExecutionReportEvent report);
}
