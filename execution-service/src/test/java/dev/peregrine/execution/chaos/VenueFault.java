package dev.peregrine.execution.chaos;

import dev.peregrine.exchangesim.SimulatorFaults;
import java.time.Duration;
import java.util.Random;

/**
 * The exchange-sim faults the chaos test switches on at random. The first four leave an order's outcome unknown
 * although the venue booked it (Binance's "may have succeeded"); the last two are refused before anything is booked.
 */
enum VenueFault {

    /** Booked, then no answer for longer than the service's read timeout: the client times out. */
    ACCEPTED_THEN_TIMEOUT {
        @Override
        void arm(SimulatorFaults faults, Random random, Duration readTimeout) {
            faults.timeOutAfterNextOrders(1, readTimeout.plusSeconds(2));
        }
    },
    /** Booked, then the connection is closed unanswered at once (the trap where an HTTP client re-sends a POST). */
    ACCEPTED_THEN_CLOSED {
        @Override
        void arm(SimulatorFaults faults, Random random, Duration readTimeout) {
            faults.timeOutAfterNextOrders(1, Duration.ZERO);
        }
    },
    /** Booked, then answered 500, 502, 503 or 504. */
    ACCEPTED_THEN_5XX {
        @Override
        void arm(SimulatorFaults faults, Random random, Duration readTimeout) {
            faults.serverErrorAfterNextOrders(1, SERVER_ERRORS[random.nextInt(SERVER_ERRORS.length)]);
        }
    },
    /** Booked, then answered -1007 "Timeout waiting for response from backend server". */
    ACCEPTED_THEN_1007 {
        @Override
        void arm(SimulatorFaults faults, Random random, Duration readTimeout) {
            faults.backendTimeoutAfterNextOrders(1, 504);
        }
    },
    /** The next one to three REST requests of any kind (orders, lookups, the clock) get 429 with Retry-After. */
    RATE_LIMITED_429 {
        @Override
        void arm(SimulatorFaults faults, Random random, Duration readTimeout) {
            faults.rateLimitNextRequests(1 + random.nextInt(3), 1);
        }
    },
    /** The next REST request gets a 503 before it is processed: nothing is booked, the outcome looks unknown. */
    UNBOOKED_5XX {
        @Override
        void arm(SimulatorFaults faults, Random random, Duration readTimeout) {
            faults.serverErrorNextRequests(1, 503);
        }
    };

    private static final int[] SERVER_ERRORS = {500, 502, 503, 504};

    abstract void arm(SimulatorFaults faults, Random random, Duration readTimeout);

    /** Whether it applies to the next accepted order (rather than to the next request of any kind). */
    boolean afterAcceptance() {
        return this == ACCEPTED_THEN_TIMEOUT
                || this == ACCEPTED_THEN_CLOSED
                || this == ACCEPTED_THEN_5XX
                || this == ACCEPTED_THEN_1007;
    }

    static VenueFault pick(Random random) {
        VenueFault[] all = values();
        return all[random.nextInt(all.length)];
    }
}
