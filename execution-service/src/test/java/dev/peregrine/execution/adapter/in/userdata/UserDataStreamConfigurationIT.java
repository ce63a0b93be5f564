package dev.peregrine.execution.adapter.in.userdata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.peregrine.common.id.IdGenerator;
import dev.peregrine.exchangesim.ExchangeSimulator;
import dev.peregrine.exchangesim.SimulatorConfig;
import dev.peregrine.execution.adapter.out.binance.BinanceCredentials;
import dev.peregrine.execution.adapter.out.binance.BinanceRestSettings;
import dev.peregrine.execution.adapter.out.binance.BinanceSpotRest;
import dev.peregrine.execution.application.port.in.OnVenueEvents;
import dev.peregrine.execution.config.ExecutionProperties;
import dev.peregrine.execution.config.UserDataStreamConfiguration;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * {@link UserDataStreamConfiguration} as Spring builds it: only with venue BINANCE, with the key read from the
 * environment like the venue's, stamped by the REST client's venue clock (exchange-sim runs on its market clock, so an
 * unsynced clock would be refused), the settings bound from {@code peregrine.execution.binance.user-data.*}, and started
 * and stopped with the context.
 */
class UserDataStreamConfigurationIT {

    private static final String API_KEY = "cfgApiKey000000000000000000000000000000000000000000000000000Ab12";
    private static final String SECRET_KEY = "cfgSecretKey0000000000000000000000000000000000000000000000000Zz99";
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final RecordingVenueEvents venueEvents = new RecordingVenueEvents();
    private ExchangeSimulator exchange;
    private BinanceSpotRest rest;

    @BeforeEach
    void startExchange() {
        exchange = ExchangeSimulator.start(
                SimulatorConfig.builder().apiKeys(API_KEY, SECRET_KEY).build());
        rest = BinanceSpotRest.connect(
                BinanceCredentials.hmac(API_KEY, SECRET_KEY),
                BinanceRestSettings.defaults(exchange.restBaseUrl()),
                Clock.systemUTC());
        rest.syncClock();
    }

    @AfterEach
    void stopExchange() {
        exchange.close();
    }

    private ApplicationContextRunner runner(ExecutionProperties.Venue venue) {
        ExecutionProperties properties = new ExecutionProperties(
                venue,
                new BigDecimal("100000"),
                new ExecutionProperties.Paper(new BigDecimal("0.001"), "USDT", new BigDecimal("2")),
                new ExecutionProperties.VenueOrders(
                        Duration.ofSeconds(60),
                        Duration.ofSeconds(5),
                        Duration.ofSeconds(1),
                        Duration.ofSeconds(60),
                        Duration.ofSeconds(30)),
                new ExecutionProperties.Binance(
                        exchange.restBaseUrl(),
                        exchange.wsApiUrl(),
                        true,
                        "UDSCFG",
                        Duration.ofSeconds(5),
                        Duration.ofSeconds(10),
                        Duration.ofSeconds(10)));
        return new ApplicationContextRunner()
                .withUserConfiguration(UserDataStreamConfiguration.class)
                .withBean(ExecutionProperties.class, () -> properties)
                .withBean(BinanceSpotRest.class, () -> rest)
                .withBean(BinanceCredentials.class, () -> BinanceCredentials.hmac(API_KEY, SECRET_KEY))
                .withBean(OnVenueEvents.class, () -> venueEvents)
                .withBean(IdGenerator.class, () -> UUID::randomUUID)
                .withBean(Clock.class, Clock::systemUTC)
                .withBean(MeterRegistry.class, SimpleMeterRegistry::new)
                .withPropertyValues(
                        "peregrine.execution.venue=" + venue,
                        "peregrine.execution.binance.user-data.reconnect-after=700ms",
                        "peregrine.execution.binance.user-data.ping-every=150ms",
                        "peregrine.execution.binance.user-data.silence-timeout=1s",
                        "peregrine.execution.binance.user-data.first-retry=50ms",
                        "peregrine.execution.binance.user-data.max-retry=200ms");
    }

    @Test
    void withVenueBinanceTheStreamSubscribesWithTheVenuesKeyAndReplacesItsConnectionOnTheConfiguredPlan() {
        runner(ExecutionProperties.Venue.BINANCE).run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(UserDataStream.class);
            UserDataStream stream = context.getBean(UserDataStream.class);
            assertThat(stream.isRunning()).isTrue();

            await().atMost(WAIT).until(() -> venueEvents.gaps.size() >= 2);
            assertThat(venueEvents.gaps.getFirst()).isEqualTo("start-up");
            assertThat(venueEvents.gaps.get(1)).startsWith("planned:");
            MeterRegistry registry = context.getBean(MeterRegistry.class);
            assertThat(registry.get("peregrine.execution.user.data.reconnects")
                            .tag("reason", "subscription_refused")
                            .counter()
                            .count())
                    .isZero();
            assertThat(registry.get("peregrine.execution.user.data.connected")
                            .gauge()
                            .value())
                    .isEqualTo(1);
        });
        await().atMost(WAIT).until(() -> exchange.openConnections() == 0);
    }

    @Test
    void withThePaperVenueThereIsNoStream() {
        runner(ExecutionProperties.Venue.PAPER)
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(UserDataStream.class));
    }
}
