package dev.peregrine.execution.application.port.out;

import java.time.Instant;

/** Where differences between Peregrine's orders and the venue's are recorded, counted and told to operators. */
public interface ReconciliationDifferences {

    /** The kinds of difference; stable, because dashboards and alerts match on them. */
    enum Kind {
        /** A working order had executed at the venue: its fill is adopted. */
        FILL_ADOPTED,
        /** A working order had ended at the venue (canceled, expired) without executing. */
        ENDED_AT_VENUE,
        /** A working order the venue says it does not have. */
        MISSING_AT_VENUE,
        /** A PENDING_SUBMIT or UNKNOWN order whose fate the venue settled. */
        UNKNOWN_SETTLED
    }

    void record(Kind kind, String clientOrderId, String detail, Instant at);
}
