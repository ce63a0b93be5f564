package dev.peregrine.execution.adapter.in.userdata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ReconnectBackoffTest {

    private final ReconnectBackoff backoff = new ReconnectBackoff(Duration.ofSeconds(1), Duration.ofSeconds(10));

    @Test
    void failuresDoubleTheWaitUpToTheMaximum() {
        assertThat(java.util.stream.Stream.generate(backoff::afterFailure).limit(6))
                .extracting(Duration::toSeconds)
                .containsExactly(1L, 2L, 4L, 8L, 10L, 10L);
        assertThat(backoff.failures()).isEqualTo(6);
    }

    @Test
    void aConnectionThatLivedLongEnoughIsReplacedAtOnceAndClearsTheFailures() {
        backoff.afterFailure();
        backoff.afterFailure();

        assertThat(backoff.afterEnd(Duration.ofSeconds(10))).isZero();
        assertThat(backoff.failures()).isZero();
        assertThat(backoff.afterFailure()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void aConnectionThatEndsSoonAfterSubscribingCountsAsAFailure() {
        assertThat(backoff.afterEnd(Duration.ofMillis(200))).isEqualTo(Duration.ofSeconds(1));
        assertThat(backoff.afterEnd(Duration.ofMillis(200))).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void settingsDefaultToBinancesLimitsAndRefuseInconsistentDurations() {
        URI url = URI.create("wss://ws-api.binance.com:443/ws-api/v3");
        UserDataSettings defaults = UserDataSettings.defaults(url, Duration.ofSeconds(5));

        assertThat(defaults.reconnectAfter()).isEqualTo(Duration.ofHours(23));
        assertThat(defaults.silenceTimeout()).isGreaterThan(defaults.pingEvery());
        assertThatThrownBy(() -> new UserDataSettings(
                        url,
                        Duration.ofSeconds(5),
                        Duration.ofHours(23),
                        Duration.ofSeconds(60),
                        Duration.ofSeconds(60),
                        Duration.ofSeconds(1),
                        Duration.ofSeconds(60),
                        Duration.ofSeconds(10)))
                .hasMessageContaining("silence-timeout");
        assertThatThrownBy(() -> new UserDataSettings(
                        url,
                        Duration.ofSeconds(5),
                        Duration.ofHours(23),
                        Duration.ofSeconds(20),
                        Duration.ofSeconds(60),
                        Duration.ofSeconds(2),
                        Duration.ofSeconds(1),
                        Duration.ofSeconds(10)))
                .hasMessageContaining("max-retry");
        assertThatThrownBy(
                        () -> UserDataSettings.defaults(URI.create("https://api.binance.com"), Duration.ofSeconds(5)))
                .hasMessageContaining("wss://");
        assertThatThrownBy(() -> new UserDataSettings(
                        url,
                        Duration.ZERO,
                        Duration.ofHours(23),
                        Duration.ofSeconds(20),
                        Duration.ofSeconds(60),
                        Duration.ofSeconds(1),
                        Duration.ofSeconds(60),
                        Duration.ofSeconds(10)))
                .hasMessageContaining("positive");
    }
}
