package dev.peregrine.execution.adapter.out.kafka;

import dev.peregrine.common.Topics;
import dev.peregrine.common.event.AccountSnapshot;
import dev.peregrine.execution.application.port.out.AccountSnapshotPublisher;
import dev.peregrine.platform.kafka.EventPublisher;
import org.springframework.stereotype.Component;

/** Sends the venue's account balances on {@code execution.accounts.v1}, keyed by venue, acknowledged by the broker. */
@Component
class KafkaAccountSnapshotPublisher implements AccountSnapshotPublisher {

    private final EventPublisher publisher;

    KafkaAccountSnapshotPublisher(EventPublisher publisher) {
        this.publisher = publisher;
    }

    @Override
    public void publish(AccountSnapshot snapshot) {
        publisher.publish(Topics.EXECUTION_ACCOUNTS, snapshot);
    }
}
