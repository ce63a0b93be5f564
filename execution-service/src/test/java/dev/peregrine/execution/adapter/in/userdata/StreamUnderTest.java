package dev.peregrine.execution.adapter.in.userdata;

import com.binance.connector.client.utils.signaturegenerator.HmacSignatureGenerator;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

/**
 * A {@link UserDataStream} with short timings (ping every 150 ms, silent after 1 s, retries 50..200 ms), a
 * {@link RecordingVenueEvents} and its own meter registry; closing it stops the stream.
 */
final class StreamUnderTest implements AutoCloseable {

    static final Duration PING_EVERY = Duration.ofMillis(150);
    static final Duration SILENCE_TIMEOUT = Duration.ofMillis(1000);
    static final Duration FIRST_RETRY = Duration.ofMillis(50);
    static final Duration MAX_RETRY = Duration.ofMillis(200);

    final RecordingVenueEvents venueEvents = new RecordingVenueEvents();
    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    final UserDataStream stream;

    StreamUnderTest(
            String wsApiUrl, String apiKey, String secretKey, VenueTimestamps timestamps, Duration reconnectAfter) {
        UserDataSettings settings = new UserDataSettings(
                URI.create(wsApiUrl),
                Duration.ofSeconds(5),
                reconnectAfter,
                PING_EVERY,
                SILENCE_TIMEOUT,
                FIRST_RETRY,
                MAX_RETRY,
                Duration.ofSeconds(5));
        Clock clock = Clock.systemUTC();
        stream = new UserDataStream(
                settings,
                new SubscriptionSigner(apiKey, new HmacSignatureGenerator(secretKey)),
                timestamps,
                new UserDataDispatch(venueEvents, UUID::randomUUID, clock, "binance"),
                new UserDataMetrics(registry),
                clock);
    }

    StreamUnderTest started() {
        stream.start();
        return this;
    }

    double events(String type) {
        Counter counter = registry.find("peregrine.execution.user.data.events")
                .tag("type", type)
                .counter();
        return counter == null ? 0 : counter.count();
    }

    double reconnects(ReconnectReason reason) {
        return registry.get("peregrine.execution.user.data.reconnects")
                .tag("reason", reason.tag())
                .counter()
                .count();
    }

    boolean connected() {
        return registry.get("peregrine.execution.user.data.connected").gauge().value() == 1;
    }

    @Override
    public void close() {
        stream.stop();
    }
}
