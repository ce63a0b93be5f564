package dev.peregrine.execution.config;

import dev.peregrine.common.id.IdGenerator;
import dev.peregrine.execution.adapter.in.userdata.SubscriptionSigner;
import dev.peregrine.execution.adapter.in.userdata.UserDataDispatch;
import dev.peregrine.execution.adapter.in.userdata.UserDataMetrics;
import dev.peregrine.execution.adapter.in.userdata.UserDataSettings;
import dev.peregrine.execution.adapter.in.userdata.UserDataStream;
import dev.peregrine.execution.adapter.in.userdata.VenueTimestamps;
import dev.peregrine.execution.adapter.out.binance.BinanceCredentials;
import dev.peregrine.execution.adapter.out.binance.BinanceSpotRest;
import dev.peregrine.execution.adapter.out.binance.BinanceVenue;
import dev.peregrine.execution.application.port.in.OnVenueEvents;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The BINANCE venue's user data stream ({@link UserDataStream}, a lifecycle started with the application): the
 * WebSocket API at {@code peregrine.execution.binance.ws-api-url}, subscribed with the venue's key and stamped with the
 * venue's clock, its events handed to {@link OnVenueEvents}. Settings under
 * {@code peregrine.execution.binance.user-data.*}, defaults in {@link UserDataSettings#defaults}:
 * {@code reconnect-after} (23h), {@code ping-every} (20s), {@code silence-timeout} (60s), {@code first-retry} (1s),
 * {@code max-retry} (60s), {@code connect-timeout} (10s).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "peregrine.execution.venue", havingValue = "BINANCE")
public class UserDataStreamConfiguration {

    static final String PREFIX = "peregrine.execution.binance.user-data.";

    @Bean
    UserDataStream userDataStream(
            ExecutionProperties properties,
            Environment environment,
            BinanceSpotRest rest,
            BinanceCredentials credentials,
            OnVenueEvents venueEvents,
            IdGenerator ids,
            Clock clock,
            MeterRegistry registry) {
        ExecutionProperties.Binance binance = properties.binance();
        return new UserDataStream(
                settings(environment, binance),
                signer(credentials),
                venueTimestamps(rest),
                new UserDataDispatch(venueEvents, ids, clock, BinanceVenue.NAME),
                new UserDataMetrics(registry),
                clock);
    }

    static UserDataSettings settings(Environment environment, ExecutionProperties.Binance binance) {
        UserDataSettings defaults = UserDataSettings.defaults(URI.create(binance.wsApiUrl()), binance.recvWindow());
        return new UserDataSettings(
                defaults.wsApiUrl(),
                defaults.recvWindow(),
                duration(environment, "reconnect-after", defaults.reconnectAfter()),
                duration(environment, "ping-every", defaults.pingEvery()),
                duration(environment, "silence-timeout", defaults.silenceTimeout()),
                duration(environment, "first-retry", defaults.firstRetry()),
                duration(environment, "max-retry", defaults.maxRetry()),
                duration(environment, "connect-timeout", defaults.connectTimeout()));
    }

    /** Bound like any Spring Boot duration: {@code 23h}, {@code 500ms}, {@code PT20S}. */
    private static Duration duration(Environment environment, String name, Duration fallback) {
        return Binder.get(environment).bind(PREFIX + name, Duration.class).orElse(fallback);
    }

    private static VenueTimestamps venueTimestamps(BinanceSpotRest rest) {
        return new VenueTimestamps() {
            @Override
            public long nowMillis() {
                return rest.clock().timestampMillis();
            }

            @Override
            public void resync() {
                rest.syncClock();
            }
        };
    }

    static SubscriptionSigner signer(BinanceCredentials credentials) {
        return new SubscriptionSigner(credentials.apiKey(), credentials.signer());
    }
}
