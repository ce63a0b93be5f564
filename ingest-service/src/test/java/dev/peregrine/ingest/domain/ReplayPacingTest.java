package dev.peregrine.ingest.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.peregrine.common.value.Interval;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ReplayPacingTest {

    @Test
    void speedZeroDoesNotWaitAndSpeedNDividesTheInterval() {
        assertThat(ReplayPacing.pauseBetweenCandles(Interval.FIFTEEN_MINUTES, 0))
                .isEqualTo(Duration.ZERO);
        assertThat(ReplayPacing.pauseBetweenCandles(Interval.FIFTEEN_MINUTES, 1))
                .isEqualTo(Duration.ofMinutes(15));
        assertThat(ReplayPacing.pauseBetweenCandles(Interval.FIFTEEN_MINUTES, 900))
                .isEqualTo(Duration.ofSeconds(1));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ReplayPacing.pauseBetweenCandles(Interval.ONE_MINUTE, -1));
    }
}
