package dev.peregrine.exchangesim;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.java_websocket.WebSocket;
import org.java_websocket.exceptions.WebsocketNotConnectedException;
import org.java_websocket.framing.CloseFrame;
import tools.jackson.databind.node.ObjectNode;

/**
 * The user data stream of the WebSocket API: hears every change of the account from the {@link MatchingEngine}
 * and pushes it, wrapped with the subscription's id, to every subscribed {@code /ws-api/v3} connection, through
 * the {@link UserDataFaults} (silence, delayed or duplicated executionReports).
 */
final class UserDataStream implements AccountListener {

    private static final System.Logger LOG = System.getLogger(UserDataStream.class.getName());

    private final Supplier<StreamServer> server;
    private final UserDataFaults faults;
    private final ScheduledExecutorService scheduler;
    private final Supplier<Instant> serverTime;
    private final AtomicLong suppressed = new AtomicLong();

    UserDataStream(
            Supplier<StreamServer> server,
            UserDataFaults faults,
            ScheduledExecutorService scheduler,
            Supplier<Instant> serverTime) {
        this.server = server;
        this.faults = faults;
        this.scheduler = scheduler;
        this.serverTime = serverTime;
    }

    @Override
    public void executionReport(ExecutionReport report) {
        publish(UserDataEvents.executionReport(report), faults.executionReportDelay(), faults.takeDuplicate() ? 2 : 1);
    }

    @Override
    public void accountPosition(Instant at, Map<String, Balances.Amounts> changed) {
        publish(UserDataEvents.accountPosition(at, changed), Duration.ZERO, 1);
    }

    @Override
    public void listStatus(OrderList list, List<SpotOrder> orders, Instant at) {
        publish(UserDataEvents.listStatus(list, orders, at), Duration.ZERO, 1);
    }

    /** Events not sent because the stream was silent. */
    long suppressed() {
        return suppressed.get();
    }

    /** {@code eventStreamTerminated} for each ended subscription of a connection. */
    void terminated(WebSocket conn, List<Integer> subscriptionIds) {
        ObjectNode event = UserDataEvents.bare("eventStreamTerminated", serverTime.get());
        subscriptionIds.forEach(id -> send(conn, UserDataEvents.wrapped(id, event)));
    }

    int dropAll() {
        int dropped = 0;
        for (WebSocket conn : wsApiConnections()) {
            ((StreamConnection) conn.getAttachment()).closingBecause(ConnectionClosure.Reason.DROPPED_BY_FAULT);
            conn.closeConnection(CloseFrame.ABNORMAL_CLOSE, "dropped by the exchange simulator");
            dropped++;
        }
        return dropped;
    }

    int shutdownAll() {
        String shutdown = UserDataEvents.wrapped(null, UserDataEvents.bare("serverShutdown", serverTime.get()));
        int closed = 0;
        for (WebSocket conn : wsApiConnections()) {
            ((StreamConnection) conn.getAttachment()).closingBecause(ConnectionClosure.Reason.SERVER_SHUTDOWN);
            send(conn, shutdown);
            conn.close(CloseFrame.GOING_AWAY, "server shutdown");
            closed++;
        }
        return closed;
    }

    private void publish(ObjectNode event, Duration delay, int copies) {
        if (faults.silent()) {
            suppressed.incrementAndGet();
            return;
        }
        for (WebSocket conn : wsApiConnections()) {
            for (int subscriptionId : ((StreamConnection) conn.getAttachment()).wsApi.subscriptions()) {
                String frame = UserDataEvents.wrapped(subscriptionId, event);
                Runnable sending = () -> {
                    for (int copy = 0; copy < copies; copy++) {
                        send(conn, frame);
                    }
                };
                if (delay.isZero()) {
                    sending.run();
                } else {
                    scheduler.schedule(sending, delay.toNanos(), TimeUnit.NANOSECONDS);
                }
            }
        }
    }

    private List<WebSocket> wsApiConnections() {
        StreamServer streams = server.get();
        if (streams == null) {
            return List.of();
        }
        return streams.getConnections().stream()
                .filter(conn ->
                        conn.getAttachment() instanceof StreamConnection state && state.wsApi != null && conn.isOpen())
                .toList();
    }

    static void send(WebSocket conn, String text) {
        try {
            conn.send(text);
        } catch (WebsocketNotConnectedException e) {
            LOG.log(System.Logger.Level.DEBUG, "user data event not sent, the connection is gone");
        }
    }
}
