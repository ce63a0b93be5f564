package dev.peregrine.execution.application.port.out;

import java.util.Objects;

/** The venue's answer to a cancel. */
public sealed interface VenueCancel {

    /** The order no longer works at the venue and executed nothing. */
    record Canceled() implements VenueCancel {}

    /** The order was no longer working (it filled, or ended otherwise): look it up and settle it. */
    record NotWorking(String detail) implements VenueCancel {
        public NotWorking {
            Objects.requireNonNull(detail, "detail");
        }
    }

    /** No answer that says whether the cancel took effect; the order may still be working. */
    record Unanswered(String why) implements VenueCancel {
        public Unanswered {
            Objects.requireNonNull(why, "why");
        }
    }
}
