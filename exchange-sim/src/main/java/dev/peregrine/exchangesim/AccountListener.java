package dev.peregrine.exchangesim;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What happens to the simulated account, in the order it happens: the {@link MatchingEngine} calls it under its
 * lock, so an implementation must not block (the user data stream only queues frames).
 */
interface AccountListener {

    AccountListener NONE = new AccountListener() {
        @Override
        public void executionReport(ExecutionReport report) {}

        @Override
        public void accountPosition(Instant at, Map<String, Balances.Amounts> changed) {}

        @Override
        public void listStatus(OrderList list, List<SpotOrder> orders, Instant at) {}
    };

    void executionReport(ExecutionReport report);

    /** Balances changed: the amounts now of the assets the change may have touched. */
    void accountPosition(Instant at, Map<String, Balances.Amounts> changed);

    /** An order list was placed or changed its status; {@code orders} are its orders now. */
    void listStatus(OrderList list, List<SpotOrder> orders, Instant at);
}
