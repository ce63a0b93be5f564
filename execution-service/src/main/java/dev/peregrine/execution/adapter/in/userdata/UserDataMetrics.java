package dev.peregrine.execution.adapter.in.userdata;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code peregrine.execution.user.data.events{type}} (frames received, {@code malformed} included),
 * {@code peregrine.execution.user.data.reconnects{reason}} and the gauge {@code peregrine.execution.user.data.connected}
 * (1 while a subscription is live).
 */
public final class UserDataMetrics {

    private final MeterRegistry registry;
    private final AtomicInteger connected = new AtomicInteger();

    public UserDataMetrics(MeterRegistry registry) {
        this.registry = registry;
        Gauge.builder("peregrine.execution.user.data.connected", connected, AtomicInteger::get)
                .description("1 while the user data stream is subscribed, else 0")
                .register(registry);
        for (ReconnectReason reason : ReconnectReason.values()) {
            // Registered up front so dashboards see every reason at zero rather than a missing series.
            reconnects(reason);
        }
    }

    void event(String type) {
        Counter.builder("peregrine.execution.user.data.events")
                .tag("type", type)
                .description("User data stream frames received, by kind")
                .register(registry)
                .increment();
    }

    void reconnect(ReconnectReason reason) {
        reconnects(reason).increment();
    }

    void connected(boolean live) {
        connected.set(live ? 1 : 0);
    }

    private Counter reconnects(ReconnectReason reason) {
        return Counter.builder("peregrine.execution.user.data.reconnects")
                .tag("reason", reason.tag())
                .description("User data stream reconnections, by reason")
                .register(registry);
    }
}
