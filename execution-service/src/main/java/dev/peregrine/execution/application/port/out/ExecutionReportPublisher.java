package dev.peregrine.execution.application.port.out;

import dev.peregrine.common.event.ExecutionReportEvent;

/** Publishes execution reports; returns only once the report is safely stored by the broker. */
public interface ExecutionReportPublisher {

    void publish(ExecutionReportEvent report);
}
