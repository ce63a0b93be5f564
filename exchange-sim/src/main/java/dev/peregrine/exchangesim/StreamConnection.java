package dev.peregrine.exchangesim;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The state the stream server keeps per WebSocket connection. */
final class StreamConnection {

    /**
     * What a connection asked for in its URL: raw {@code /ws/<s1>/<s2>}, combined {@code /stream?streams=<s1>/<s2>},
     * or the WebSocket API {@code /ws-api/v3} (with its query, e.g. {@code returnRateLimits=false}).
     */
    record Target(boolean combined, List<String> streams, boolean wsApi, String query) {

        static Target parse(String resourceDescriptor) {
            String path = resourceDescriptor;
            String query = "";
            int question = resourceDescriptor.indexOf('?');
            if (question >= 0) {
                path = resourceDescriptor.substring(0, question);
                query = resourceDescriptor.substring(question + 1);
            }
            if (path.equals("/stream") || path.equals("/stream/")) {
                String streams = "";
                for (String parameter : query.split("&")) {
                    if (parameter.startsWith("streams=")) {
                        streams = parameter.substring("streams=".length());
                    }
                }
                return new Target(true, names(streams), false, query);
            }
            if (path.equals("/ws") || path.startsWith("/ws/")) {
                return new Target(false, names(path.substring("/ws".length())), false, query);
            }
            if (path.equals(WsApiRequests.PATH)) {
                return new Target(false, List.of(), true, query);
            }
            throw new IllegalArgumentException(
                    "unknown path " + path + "; use /ws/<stream>, /stream?streams=<s1>/<s2> or " + WsApiRequests.PATH);
        }

        private static List<String> names(String joined) {
            return Arrays.stream(
                            URLDecoder.decode(joined, StandardCharsets.UTF_8).split("/"))
                    .filter(name -> !name.isBlank())
                    .distinct()
                    .toList();
        }
    }

    final long id;
    final Instant openedAt;
    final Target target;
    /** The WebSocket API session of a {@code /ws-api/v3} connection, null for a stream connection. */
    final WsApiSession wsApi;

    private final Set<String> subscriptions;
    private final Deque<Instant> incoming = new ArrayDeque<>();
    private boolean combined;
    private Instant lastPingAt;
    private boolean pongPending;
    private ConnectionClosure.Reason closeReason;

    StreamConnection(long id, Instant openedAt, Target target) {
        this.id = id;
        this.openedAt = openedAt;
        this.target = target;
        this.wsApi = target.wsApi() ? new WsApiSession(!target.query().contains("returnRateLimits=false")) : null;
        this.combined = target.combined();
        this.subscriptions = new LinkedHashSet<>(target.streams());
    }

    synchronized boolean combined() {
        return combined;
    }

    synchronized void combined(boolean value) {
        combined = value;
    }

    synchronized boolean subscribed(String stream) {
        return subscriptions.contains(stream);
    }

    /** Adds streams unless the result would exceed {@code max}; false (and no change) when it would. */
    synchronized boolean subscribe(List<String> streams, int max) {
        Set<String> after = new LinkedHashSet<>(subscriptions);
        after.addAll(streams);
        if (after.size() > max) {
            return false;
        }
        subscriptions.addAll(streams);
        return true;
    }

    synchronized void unsubscribe(List<String> streams) {
        streams.forEach(subscriptions::remove);
    }

    synchronized List<String> subscriptions() {
        return List.copyOf(subscriptions);
    }

    /** Counts an incoming message; false when it makes more than {@code maxPerSecond} within the last second. */
    synchronized boolean countIncoming(Instant now, int maxPerSecond) {
        Instant windowStart = now.minusSeconds(1);
        while (!incoming.isEmpty() && !incoming.peekFirst().isAfter(windowStart)) {
            incoming.pollFirst();
        }
        incoming.addLast(now);
        return incoming.size() <= maxPerSecond;
    }

    synchronized void pingSent(Instant at) {
        lastPingAt = at;
        pongPending = true;
    }

    synchronized void pongReceived() {
        pongPending = false;
    }

    synchronized Instant lastPingAt() {
        return lastPingAt;
    }

    synchronized boolean pongPending() {
        return pongPending;
    }

    /** Remembers why the server is closing the connection; the first reason wins. */
    synchronized void closingBecause(ConnectionClosure.Reason reason) {
        if (closeReason == null) {
            closeReason = reason;
        }
    }

    synchronized ConnectionClosure.Reason closeReason() {
        return closeReason == null ? ConnectionClosure.Reason.CLIENT : closeReason;
    }
}
