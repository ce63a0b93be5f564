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

    /** The venue refused the order: it does not exist there. */
    record Refused(Reason reason) implements VenueSubmission {
        public Refused {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * No answer that settles the order's fate (a timeout, a 5XX, Binance -1006/-1007, a broken connection): the
     * venue may have it. The order must never be sent again until the venue, asked, proves it does not exist.
     */
    record Unknown(String why) implements VenueSubmission {
        public Unknown {
            Objects.requireNonNull(why, "why");
        }
    }
}
