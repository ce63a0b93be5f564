package dev.peregrine.execution.adapter.in.userdata;

import dev.peregrine.common.event.AccountSnapshot.AssetBalance;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** One text frame of the WebSocket API, as {@link UserDataFrames} read it. */
sealed interface UserDataEvent {

    /** The metric tag of the frame's kind ({@code peregrine.execution.user.data.events{type}}). */
    String type();

    /**
     * An {@code executionReport}.
     *
     * @param clientOrderId the order's own client id: {@code C} for a cancel (whose {@code c} names the cancel
     *                      request), {@code c} otherwise
     * @param executionType {@code x}: NEW, TRADE, CANCELED, EXPIRED ...
     * @param status        {@code X}: the order's status after this change
     * @param orderId       {@code i}
     * @param tradeId       {@code t}, -1 without a trade
     */
    record OrderUpdate(
            String symbol, String clientOrderId, String executionType, String status, long orderId, long tradeId)
            implements UserDataEvent {
        @Override
        public String type() {
            return "executionReport";
        }
    }

    /** An {@code outboundAccountPosition}: the balances of the assets that changed, at {@code eventTime}. */
    record AccountPosition(Instant eventTime, List<AssetBalance> balances) implements UserDataEvent {
        public AccountPosition {
            balances = List.copyOf(balances);
        }

        @Override
        public String type() {
            return "outboundAccountPosition";
        }
    }

    /** {@code eventStreamTerminated}: the subscription ended, the connection may stay open. */
    record StreamTerminated() implements UserDataEvent {
        @Override
        public String type() {
            return "eventStreamTerminated";
        }
    }

    /** {@code serverShutdown}: the server is about to close the connection. */
    record ServerShutdown() implements UserDataEvent {
        @Override
        public String type() {
            return "serverShutdown";
        }
    }

    /** An event this adapter does not act on ({@code balanceUpdate}, {@code listStatus}, ...), by its {@code e}. */
    record Other(String eventType) implements UserDataEvent {
        @Override
        public String type() {
            return "other";
        }
    }

    /**
     * The answer to a request: {@code status} 200 with the {@code subscriptionId} of a subscription, or an error with
     * Binance's {@code code} and {@code msg}.
     */
    record Answer(String id, int status, Optional<Integer> subscriptionId, int errorCode, String errorMessage)
            implements UserDataEvent {
        @Override
        public String type() {
            return "answer";
        }

        boolean ok() {
            return status == 200;
        }
    }

    /** A frame that could not be read; {@code why} is logged, the frame is counted and dropped. */
    record Malformed(String why) implements UserDataEvent {
        @Override
        public String type() {
            return "malformed";
        }
    }
}
