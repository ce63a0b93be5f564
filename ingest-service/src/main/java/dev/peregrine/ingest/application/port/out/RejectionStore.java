package dev.peregrine.ingest.application.port.out;

import java.time.Instant;
import java.util.Collection;
import java.util.UUID;

/** Rejected input lines, keyed by their derived id. */
public interface RejectionStore {

    StoredRejection recordIfAbsent(NewRejection rejection);

    /** Records that the incidents reporting these rejections were acknowledged by the broker. */
    void markPublished(Collection<UUID> rejectionIds, Instant publishedAt);
}
