package dev.peregrine.monitor.application.alert.port.out;

import dev.peregrine.monitor.domain.alert.Channel;

/** Sends a text to one channel's endpoint. Never throws: every failure is an {@link Outcome}. */
public interface AlertSender {

    Channel channel();

    Outcome send(String text);

    /**
     * How a send went.
     *
     * @param result what happened
     * @param detail for failures, a short reason free of secrets (status code, exception type)
     */
    record Outcome(Result result, String detail) {

        public static Outcome delivered() {
            return new Outcome(Result.DELIVERED, "");
        }

        public static Outcome retryable(String detail) {
            return new Outcome(Result.RETRYABLE, detail);
        }

        public static Outcome rejected(String detail) {
            return new Outcome(Result.REJECTED, detail);
        }
    }

    enum Result {
        /** The endpoint answered 2xx. */
        DELIVERED,
        /** 5xx, 408, 429, a timeout or a connection failure: worth another attempt. */
        RETRYABLE,
        /** Any other 4xx: the request itself is wrong (bad token, unknown chat), retrying will not help. */
        REJECTED
    }
}
