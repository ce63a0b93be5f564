package dev.peregrine.execution.config;

import dev.peregrine.execution.adapter.out.binance.BinanceCredentials;
import dev.peregrine.execution.adapter.out.binance.BinanceRestSettings;
import dev.peregrine.execution.adapter.out.binance.BinanceSpotRest;
import dev.peregrine.execution.adapter.out.binance.BinanceVenue;
import dev.peregrine.execution.application.port.out.VenuePort;
import dev.peregrine.execution.domain.IntentFreshness;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The BINANCE venue: the REST client with the key from the environment, checked at start-up
 * ({@link BinanceStartupChecks}), and intents judged stale by the venue's clock.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "peregrine.execution.venue", havingValue = "BINANCE")
class BinanceVenueConfiguration {

    /** The variables {@link BinanceCredentials#fromEnvironment} reads, after the prefix. */
    private static final List<String> CREDENTIAL_SUFFIXES = List.of(
            "_API_KEY",
            "_API_KEY_FILE",
            "_KEY_TYPE",
            "_SECRET_KEY",
            "_SECRET_KEY_FILE",
            "_PRIVATE_KEY_FILE",
            "_PRIVATE_KEY_PASSWORD");

    /** The key, from the environment or the mounted files it names; shared by the REST client and the user data stream. */
    @Bean
    BinanceCredentials binanceCredentials(ExecutionProperties properties, Environment environment) {
        String prefix = properties.binance().credentialsPrefix();
        return BinanceCredentials.fromEnvironment(credentialVariables(environment, prefix), prefix);
    }

    @Bean
    BinanceSpotRest binanceSpotRest(ExecutionProperties properties, BinanceCredentials credentials, Clock clock) {
        ExecutionProperties.Binance binance = properties.binance();
        BinanceRestSettings settings = BinanceRestSettings.defaults(binance.restBaseUrl())
                .withRecvWindow(binance.recvWindow())
                .withReadTimeout(binance.readTimeout());
        BinanceSpotRest rest = BinanceSpotRest.connect(credentials, settings, clock);
        BinanceStartupChecks.verify(rest, binance.testnet(), binance.recvWindow());
        return rest;
    }

    @Bean
    VenuePort venue(BinanceSpotRest rest) {
        return new BinanceVenue(rest);
    }

    @Bean
    VenueTime venueTime(BinanceSpotRest rest, ExecutionProperties properties) {
        return new VenueTime(
                new VenueClockView(rest),
                IntentFreshness.within(properties.binance().intentMaxAge()));
    }

    /** Only the named variables, from the OS environment or any other property source (tests, mounted config). */
    private static Map<String, String> credentialVariables(Environment environment, String prefix) {
        Map<String, String> variables = new HashMap<>();
        for (String suffix : CREDENTIAL_SUFFIXES) {
            String value = environment.getProperty(prefix + suffix);
            if (value != null) {
                variables.put(prefix + suffix, value);
            }
        }
        return variables;
    }

    /** The venue's clock (local clock plus the measured offset) as a {@link Clock}. */
    private static final class VenueClockView extends Clock {

        private final BinanceSpotRest rest;

        VenueClockView(BinanceSpotRest rest) {
            this.rest = rest;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(rest.clock().timestampMillis());
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("the venue's clock is UTC");
        }
    }
}
