package dev.peregrine.signal.application.port.out;

import dev.peregrine.signal.domain.Strategy;
import dev.peregrine.signal.domain.StrategyChange;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Durable strategy states and their audit trail. */
public interface StrategyStore {

    List<Strategy> loadAll();

    /**
     * Saves the new state and its audit entry atomically. Returns false, saving nothing, when a change
     * caused by the same command was recorded before.
     */
    boolean record(StrategyChange change, AuditContext context);

    /** The change a command caused, if it was applied. */
    Optional<RecordedChange> findByCommand(UUID commandId);

    /**
     * Links an audit entry to the events around it.
     *
     * @param eventId       id of the StrategyStateChanged that announces the change
     * @param correlationId correlation id of that event
     * @param commandId     id of the command event that asked for the change; null for operator (REST) changes
     */
    record AuditContext(UUID eventId, UUID correlationId, UUID commandId) {}

    /** A recorded change: the resulting state and the id of the event that announced it. */
    record RecordedChange(Strategy after, UUID eventId) {}
}
