package dev.peregrine.ingest.application.port.out;

import java.time.Instant;
import java.util.UUID;

/** Rejected input lines, keyed by their derived id. */
public interface RejectionStore {

    StoredRejection recordIfAbsent(NewRejection rejection);

    void markPublished(UUID rejectionId, Instant publishedAt);
}
