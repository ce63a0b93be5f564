package dev.peregrine.monitor.application.alert.port.out;

import dev.peregrine.common.event.Severity;
import dev.peregrine.monitor.domain.alert.Channel;

/** Counts alerts and their deliveries per channel. */
public interface AlertMetrics {

    void received(Severity severity);

    void delivered(Channel channel);

    void retried(Channel channel);

    void failed(Channel channel);

    void suppressed(Channel channel);
}
