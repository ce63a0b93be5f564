package dev.peregrine.common.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class IntervalTest {

    @ParameterizedTest
    @EnumSource(Interval.class)
    void fromCodeRoundTrips(Interval interval) {
        assertThat(Interval.fromCode(interval.code())).isSameAs(interval);
        assertThat(interval.toString()).isEqualTo(interval.code());
        assertThat(interval.millis()).isEqualTo(interval.length().toMillis()).isPositive();
    }

    @Test
    void codesAreBinances() {
        assertThat(Interval.FIFTEEN_MINUTES.code()).isEqualTo("15m");
        assertThat(Interval.FIFTEEN_MINUTES.length()).isEqualTo(Duration.ofMinutes(15));
        assertThat(Interval.ONE_HOUR.code()).isEqualTo("1h");
        assertThat(Interval.ONE_WEEK.millis()).isEqualTo(604_800_000L);
        assertThat(Arrays.stream(Interval.values()).map(Interval::code)).doesNotHaveDuplicates();
    }

    @Test
    void intervalsAreOrderedByLength() {
        for (int i = 1; i < Interval.values().length; i++) {
            assertThat(Interval.values()[i].length()).isGreaterThan(Interval.values()[i - 1].length());
        }
    }

    @Test
    void unknownCodeNamesItAndTheValidOnes() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Interval.fromCode("7m"))
                .withMessage(
                        "unknown interval '7m'; expected one of 1s, 1m, 3m, 5m, 15m, 30m, 1h, 2h, 4h, 6h, 8h, 12h, 1d, 3d, 1w");
    }

    @Test
    void codesAreCaseSensitive() {
        // "1M" is Binance's one-month interval, which has no fixed length and is deliberately not supported.
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Interval.fromCode("1M"))
                .withMessageStartingWith("unknown interval '1M'");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Interval.fromCode(null))
                .withMessageStartingWith("unknown interval 'null'");
    }
}
