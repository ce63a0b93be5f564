package dev.peregrine.execution.application.port.out;

import dev.peregrine.common.event.Reason;

import java.util.Objects;

/** The venue's answer to a new order. */
public sealed interface VenueSubmission {

    /** The venue works the order under {@code venueOrderId}. */
    record Acknowledged(String venueOrderId) implements VenueSubmission {
        public Acknowledged {
            Objects.requireNonNull(venueOrderId, "venueOrderId");
        }
    }

    /** The venue refused the order. */
    record Refused(Reason reason) implements VenueSubmission {
        public Refused {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
