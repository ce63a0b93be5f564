package dev.peregrine.ingest.adapter.in.health;

import dev.peregrine.ingest.application.port.in.FeedStatus;
import dev.peregrine.ingest.application.port.in.ViewFeedStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The {@code binanceStream} health component, part of readiness: DOWN when a live stream connection (or the feed,
 * before it could plan any) has been down for longer than {@code peregrine.ingest.binance.readiness-grace}, so that
 * an instance that receives no market data is taken out of service. UP with "disabled" when the live feed is off.
 * Registered by {@code config} as the bean {@code binanceStreamHealthIndicator}.
 */
public class BinanceStreamHealthIndicator implements HealthIndicator {

    private final ObjectProvider<ViewFeedStatus> feed;
    private final Clock clock;
    private final Duration grace;

    /** @param grace how long a connection may be down before readiness fails ({@code readiness-grace}) */
    public BinanceStreamHealthIndicator(ObjectProvider<ViewFeedStatus> feed, Clock clock, Duration grace) {
        this.feed = feed;
        this.clock = clock;
        this.grace = grace;
    }

    @Override
    public Health health() {
        ViewFeedStatus query = feed.getIfAvailable();
        if (query == null) {
            return Health.up()
                    .withDetail("liveFeed", "disabled (peregrine.ingest.binance.enabled is false)")
                    .build();
        }
        FeedStatus status = query.feedStatus();
        Instant now = clock.instant();
        Health.Builder builder = status.ready(now, grace) ? Health.up() : Health.down();
        builder.withDetail("readinessGrace", grace.toString());
        Map<String, Object> connections = new LinkedHashMap<>();
        for (FeedStatus.Connection connection : status.connections()) {
            connections.put(
                    connection.name(),
                    Map.of(
                            "streams",
                            connection.streams(),
                            "status",
                            connection.open() ? "OPEN" : "DOWN",
                            connection.open() ? "openSince" : "downSince",
                            connection.since().toString()));
        }
        builder.withDetail("connections", connections);
        if (!status.unknownSymbols().isEmpty()) {
            builder.withDetail(
                    "unknownSymbols",
                    status.unknownSymbols().stream().map(s -> s.value()).toList());
        }
        status.problem().filter(p -> status.connections().isEmpty()).ifPresent(p -> builder.withDetail("reason", p));
        return builder.build();
    }
}
