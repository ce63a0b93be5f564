package dev.peregrine.monitor.adapter.out.alert;

import dev.peregrine.common.event.Severity;
import dev.peregrine.monitor.application.alert.port.out.AlertMetrics;
import dev.peregrine.monitor.domain.alert.Channel;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * {@code peregrine_monitor_alerts_received_total{severity}} and
 * {@code peregrine_monitor_alert_deliveries_total{channel,result}} with result {@code delivered}, {@code retried},
 * {@code failed} or {@code suppressed}; every series exists from start-up (at 0).
 */
@Component
public class MicrometerAlertMetrics implements AlertMetrics {

    private final Map<Severity, Counter> received = new EnumMap<>(Severity.class);
    private final Map<Channel, Counter> delivered = new EnumMap<>(Channel.class);
    private final Map<Channel, Counter> retried = new EnumMap<>(Channel.class);
    private final Map<Channel, Counter> failed = new EnumMap<>(Channel.class);
    private final Map<Channel, Counter> suppressed = new EnumMap<>(Channel.class);

    public MicrometerAlertMetrics(MeterRegistry registry) {
        for (Severity severity : Severity.values()) {
            received.put(
                    severity,
                    Counter.builder("peregrine.monitor.alerts.received")
                            .description("Alerts recorded from alerts.v1, once per event id")
                            .tag("severity", severity.name())
                            .register(registry));
        }
        for (Channel channel : Channel.values()) {
            delivered.put(channel, deliveries(registry, channel, "delivered"));
            retried.put(channel, deliveries(registry, channel, "retried"));
            failed.put(channel, deliveries(registry, channel, "failed"));
            suppressed.put(channel, deliveries(registry, channel, "suppressed"));
        }
    }

    private static Counter deliveries(MeterRegistry registry, Channel channel, String result) {
        return Counter.builder("peregrine.monitor.alert.deliveries")
                .description(
                        "Alert deliveries per channel: delivered (2xx), retried (failed attempt, retry scheduled), "
                                + "failed (gave up) and suppressed (rate limit)")
                .tag("channel", channel.name().toLowerCase(java.util.Locale.ROOT))
                .tag("result", result)
                .register(registry);
    }

    @Override
    public void received(Severity severity) {
        received.get(severity).increment();
    }

    @Override
    public void delivered(Channel channel) {
        delivered.get(channel).increment();
    }

    @Override
    public void retried(Channel channel) {
        retried.get(channel).increment();
    }

    @Override
    public void failed(Channel channel) {
        failed.get(channel).increment();
    }

    @Override
    public void suppressed(Channel channel) {
        suppressed.get(channel).increment();
    }
}
