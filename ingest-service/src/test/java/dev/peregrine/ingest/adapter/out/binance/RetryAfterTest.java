package dev.peregrine.ingest.adapter.out.binance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetryAfterTest {

    private static final Instant NOW = Instant.parse("2024-06-01T12:00:00Z");
    private static final Duration FALLBACK = Duration.ofSeconds(60);

    @Test
    void theHeaderInSecondsOrAsAnHttpDate() {
        assertThat(RetryAfter.of(Optional.of("7"), "", NOW, FALLBACK)).isEqualTo(Duration.ofSeconds(7));
        assertThat(RetryAfter.of(Optional.of(" 0 "), "", NOW, FALLBACK)).isEqualTo(Duration.ZERO);
        assertThat(RetryAfter.of(Optional.of("Sat, 01 Jun 2024 12:00:30 GMT"), "", NOW, FALLBACK))
                .isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void aBanTakesTheLaterOfTheHeaderAndTheEndNamedInTheMessage() {
        String body = "{\"code\":-1003,\"msg\":\"Way too much request weight used; IP banned until "
                + NOW.plusSeconds(120).toEpochMilli()
                + ". Please use WebSocket Streams for live updates to avoid bans.\"}";

        assertThat(RetryAfter.of(Optional.of("5"), body, NOW, FALLBACK)).isEqualTo(Duration.ofSeconds(120));
        assertThat(RetryAfter.of(Optional.empty(), body, NOW, FALLBACK)).isEqualTo(Duration.ofSeconds(120));
        assertThat(RetryAfter.of(Optional.of("300"), body, NOW, FALLBACK)).isEqualTo(Duration.ofSeconds(300));
    }

    @Test
    void withoutEitherTheDefaultAppliesAndGarbageIsIgnored() {
        assertThat(RetryAfter.of(Optional.empty(), "{\"code\":-1003}", NOW, FALLBACK))
                .isEqualTo(FALLBACK);
        assertThat(RetryAfter.of(Optional.of("soon"), null, NOW, FALLBACK)).isEqualTo(FALLBACK);
        assertThat(RetryAfter.of(Optional.of("Sat, 01 Jun 2024 11:00:00 GMT"), "", NOW, FALLBACK))
                .isEqualTo(Duration.ZERO);
    }
}
