package dev.peregrine.execution.adapter.out.kafka;

import dev.peregrine.common.Topics;
import dev.peregrine.common.event.ExecutionReportEvent;
import dev.peregrine.execution.application.port.out.ExecutionReportPublisher;
import dev.peregrine.platform.kafka.EventPublisher;
import org.springframework.stereotype.Component;

/** Sends reports keyed by symbol, waiting for the broker's acknowledgement. */
@Component
class KafkaExecutionReportPublisher implements ExecutionReportPublisher {

    private final EventPublisher publisher;

    KafkaExecutionReportPublisher(EventPublisher publisher) {
        this.publisher = publisher;
    }

    @Override
    public void publish(ExecutionReportEvent report) {
        publisher.publish(Topics.EXECUTION_REPORTS, report);
    }
}
