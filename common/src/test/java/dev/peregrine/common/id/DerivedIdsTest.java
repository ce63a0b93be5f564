package dev.peregrine.common.id;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DerivedIdsTest {

    private static final Instant CLOSE = Instant.parse("2023-10-16T09:14:59.999Z");

    @Test
    void sameInputGivesTheSameId() {
        UUID first = DerivedIds.from("signal", "ema-cross-v1", "BTCUSDT", "15m", CLOSE);
        UUID again =
                DerivedIds.from("signal", "ema-cross-v1", "BTCUSDT", "15m", Instant.parse("2023-10-16T09:14:59.999Z"));

        assertThat(again).isEqualTo(first);
    }

    @Test
    void isAPinnedNameBasedVersion3Uuid() {
        UUID id = DerivedIds.from("signal", "ema-cross-v1", "BTCUSDT", "15m", CLOSE);

        assertThat(id.version()).isEqualTo(3);
        assertThat(id.variant()).isEqualTo(2);
        // Pinned: a replay months later must still yield the ids already stored.
        assertThat(id).isEqualTo(UUID.fromString("4f54c034-23bb-3f82-9f1d-552223f86004"));
    }

    @Test
    void anyDifferentPartGivesADifferentId() {
        UUID base = DerivedIds.from("signal", "ema-cross-v1", "BTCUSDT", "15m", CLOSE);

        assertThat(DerivedIds.from("decision", "ema-cross-v1", "BTCUSDT", "15m", CLOSE))
                .isNotEqualTo(base);
        assertThat(DerivedIds.from("signal", "ema-cross-v2", "BTCUSDT", "15m", CLOSE))
                .isNotEqualTo(base);
        assertThat(DerivedIds.from("signal", "ema-cross-v1", "ETHUSDT", "15m", CLOSE))
                .isNotEqualTo(base);
        assertThat(DerivedIds.from("signal", "ema-cross-v1", "BTCUSDT", "15m", CLOSE.plusMillis(1)))
                .isNotEqualTo(base);
        assertThat(DerivedIds.from("signal", "ema-cross-v1", "BTCUSDT", "15m")).isNotEqualTo(base);
    }
}
