package dev.peregrine.exchangesim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.binance.connector.client.exceptions.BinanceClientException;
import com.binance.connector.client.impl.SpotClientImpl;
import com.binance.connector.client.impl.spot.Market;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Binance's request-weight limit, 429 then 418 for a client that does not back off, on a manual wall clock. */
class RateLimitIT {

    private final ManualClock clock = new ManualClock(Instant.parse("2024-01-01T00:00:10Z"));
    private ExchangeSimulator exchange;
    private Market market;

    @BeforeEach
    void start() {
        exchange = ExchangeSimulator.start(SimulatorConfig.builder()
                .clock(clock)
                .weightLimitPerMinute(5)
                .klines("BTCUSDT", KlineInterval.M1, TestKlines.minutes(3, 100))
                .build());
        market = new SpotClientImpl(exchange.restBaseUrl()).createMarket();
    }

    @AfterEach
    void stop() {
        exchange.close();
    }

    @Test
    void overTheLimit429ThenBannedWith418WhenNotBackingOffThenServedAgainAfterTheBan() {
        for (int i = 0; i < 5; i++) {
            market.ping();
        }

        assertStatus(429, -1003);
        RecordedRequest limited = exchange.requests().all().get(5);
        assertThat(limited.retryAfterSeconds()).hasValue(50);

        clock.advance(Duration.ofSeconds(1));
        assertStatus(418, -1003);
        RecordedRequest banned = exchange.requests().all().get(6);
        assertThat(banned.retryAfterSeconds()).hasValue(120);
        assertThat(exchange.requests().retryAfterViolations()).containsExactly(banned);

        clock.advance(Duration.ofSeconds(60));
        assertStatus(418, -1003);
        assertThat(exchange.requests().all().get(7).retryAfterSeconds()).hasValue(60);

        clock.advance(Duration.ofSeconds(60));
        assertThat(market.ping()).isEqualTo("{}");
        assertThat(exchange.requests().all().getLast().usedWeight()).isEqualTo(1);
        assertThat(exchange.requests().matching(request -> request.status() == 418))
                .hasSize(2);
    }

    @Test
    void aClientWaitingForRetryAfterIsNeitherBannedNorAViolator() {
        for (int i = 0; i < 5; i++) {
            market.ping();
        }
        assertStatus(429, -1003);

        clock.advance(Duration.ofSeconds(
                exchange.requests().all().getLast().retryAfterSeconds().orElseThrow()));

        assertThat(market.ping()).isEqualTo("{}");
        assertThat(exchange.requests().retryAfterViolations()).isEmpty();
    }

    private void assertStatus(int httpStatus, int code) {
        assertThatThrownBy(market::ping).isInstanceOfSatisfying(BinanceClientException.class, e -> {
            assertThat(e.getHttpStatusCode()).isEqualTo(httpStatus);
            assertThat(e.getErrorCode()).isEqualTo(code);
        });
    }
}
