package dev.peregrine.exchangesim;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * One WebSocket API connection's session: when it connected, whether answers carry {@code rateLimits} by default,
 * and its user data stream subscriptions (ids count up from 0 per session; one per account, and the simulator has
 * one account).
 */
final class WsApiSession {

    private final boolean returnRateLimits;
    private final TreeSet<Integer> subscriptions = new TreeSet<>();
    private Instant connectedSince;
    private int nextSubscriptionId;

    WsApiSession(boolean returnRateLimits) {
        this.returnRateLimits = returnRateLimits;
    }

    boolean returnRateLimits() {
        return returnRateLimits;
    }

    synchronized void connected(Instant at) {
        connectedSince = at;
    }

    synchronized Instant connectedSince() {
        return connectedSince;
    }

    /** A new subscription's id; -2035 when the account is already subscribed on this connection. */
    synchronized int subscribe() {
        if (!subscriptions.isEmpty()) {
            throw TradingRefusal.badRequest(-2035, "User Data Stream subscription already active.");
        }
        int id = nextSubscriptionId++;
        subscriptions.add(id);
        return id;
    }

    /** Ends one subscription, or all of them; returns the ids ended. -2036 when there is no such subscription. */
    synchronized List<Integer> unsubscribe(Optional<Integer> id) {
        List<Integer> ended = id.map(List::of).orElseGet(() -> List.copyOf(subscriptions));
        if (ended.isEmpty() || !subscriptions.containsAll(ended)) {
            throw TradingRefusal.badRequest(-2036, "User Data Stream subscription not active.");
        }
        ended.forEach(subscriptions::remove);
        return ended;
    }

    synchronized List<Integer> subscriptions() {
        return List.copyOf(subscriptions);
    }
}
