package dev.peregrine.execution.application.port.out;

import dev.peregrine.common.event.AccountSnapshot;

/** Tells the rest of the suite (risk's portfolio) what the venue says the account holds. */
public interface AccountSnapshotPublisher {

    void publish(AccountSnapshot snapshot);
}
