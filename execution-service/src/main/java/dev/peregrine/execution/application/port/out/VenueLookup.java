package dev.peregrine.execution.application.port.out;

import dev.peregrine.common.event.Reason;
import dev.peregrine.execution.domain.Fill;
import java.util.Objects;

/** What the venue, asked by the order's clientOrderId, says of an order. */
public sealed interface VenueLookup {

    /** The venue works the order; nothing of it has executed. */
    record Working(String venueOrderId) implements VenueLookup {
        public Working {
            Objects.requireNonNull(venueOrderId, "venueOrderId");
        }
    }

    /** The venue executed the order in full. */
    record Executed(String venueOrderId, Fill fill) implements VenueLookup {
        public Executed {
            Objects.requireNonNull(venueOrderId, "venueOrderId");
            Objects.requireNonNull(fill, "fill");
        }
    }

    /** The venue ended the order without executing any of it (canceled, expired, rejected there). */
    record Ended(String venueOrderId, Reason reason) implements VenueLookup {
        public Ended {
            Objects.requireNonNull(venueOrderId, "venueOrderId");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * The venue answered that it has no such order. Shortly after a send this may only mean "not visible yet"
     * (Binance -2013), so the caller decides, by the time since the send, whether it proves absence.
     */
    record Absent(String detail) implements VenueLookup {
        public Absent {
            Objects.requireNonNull(detail, "detail");
        }
    }

    /** The venue could not be asked or gave no usable answer; ask again later. */
    record Unanswered(String why) implements VenueLookup {
        public Unanswered {
            Objects.requireNonNull(why, "why");
        }
    }
}
