package dev.peregrine.execution.adapter.out.binance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Retry-After parsing, settings limits and answer mapping. */
class SmallPartsTest {

    @Test
    void retryAfterIsWholeSecondsOrNothing() {
        assertThat(RetryAfterCapture.parse("30")).contains(Duration.ofSeconds(30));
        assertThat(RetryAfterCapture.parse(" 0 ")).contains(Duration.ZERO);
        assertThat(RetryAfterCapture.parse(null)).isEmpty();
        assertThat(RetryAfterCapture.parse("-1")).isEmpty();
        assertThat(RetryAfterCapture.parse("Wed, 21 Oct 2015 07:28:00 GMT")).isEmpty();
    }

    @Test
    void theRecvWindowIsAtMostSixtySeconds() {
        BinanceRestSettings defaults = BinanceRestSettings.defaults("https://api.binance.com");

        assertThat(defaults.recvWindow()).isEqualTo(Duration.ofMillis(5000));
        assertThat(defaults.readTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(defaults.withRecvWindow(Duration.ofMillis(60_000)).recvWindow())
                .isEqualTo(Duration.ofMillis(60_000));
        assertThatThrownBy(() -> defaults.withRecvWindow(Duration.ofMillis(60_001)))
                .hasMessageContaining("60000");
        assertThatThrownBy(() -> defaults.withReadTimeout(Duration.ZERO)).hasMessageContaining("readTimeout");
    }

    @Test
    void mapTransformsAValueAndKeepsAFailure() {
        assertThat(new BinanceAnswer.Ok<>(2).map(value -> value * 10)).isEqualTo(new BinanceAnswer.Ok<>(20));
        BinanceAnswer<Integer> limited = new BinanceAnswer.RateLimited<>(429, -1003, Optional.empty());
        assertThat(limited.map(value -> value * 10)).isSameAs(limited);
        assertThat(new BinanceAnswer.Refused<Integer>(400, -1021, "late").clockSkew())
                .isTrue();
        assertThat(new BinanceAnswer.Refused<Integer>(400, -1013, "filter").clockSkew())
                .isFalse();
    }
}
