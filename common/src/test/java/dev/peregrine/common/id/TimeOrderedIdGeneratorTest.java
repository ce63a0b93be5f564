package dev.peregrine.common.id;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;

class TimeOrderedIdGeneratorTest {

    private static final Instant NOW = Instant.parse("2023-10-16T09:15:00.212Z");
    private static final int COUNT = 10_000;

    /** A clock whose every reading is the next value of {@code millis}. */
    private static Clock scripted(LongSupplier millis) {
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Instant instant() {
                return Instant.ofEpochMilli(millis());
            }

            @Override
            public long millis() {
                return millis.getAsLong();
            }
        };
    }

    private static List<UUID> generate(IdGenerator generator) {
        List<UUID> ids = new ArrayList<>(COUNT);
        for (int i = 0; i < COUNT; i++) {
            ids.add(generator.next());
        }
        return ids;
    }

    private static void assertStrictlyIncreasing(List<UUID> ids) {
        for (int i = 1; i < ids.size(); i++) {
            UUID previous = ids.get(i - 1);
            UUID current = ids.get(i);
            assertThat(Long.compareUnsigned(current.getMostSignificantBits(), previous.getMostSignificantBits()))
                    .as("id %d %s must sort after id %d %s", i, current, i - 1, previous)
                    .isPositive();
            // The canonical text (what a database or a log sorts by) orders the same way.
            assertThat(current.toString()).isGreaterThan(previous.toString());
        }
    }

    private static void assertVersion7(List<UUID> ids) {
        for (UUID id : ids) {
            assertThat(id.version()).as("version of %s", id).isEqualTo(7);
            assertThat(id.variant()).as("variant of %s", id).isEqualTo(2); // IETF (RFC 9562): bits 10
            assertThat(id.toString().charAt(14)).isEqualTo('7');
            assertThat(id.toString().charAt(19)).isIn('8', '9', 'a', 'b');
        }
    }

    private static long timestampOf(UUID id) {
        return id.getMostSignificantBits() >>> 16;
    }

    @Test
    void carriesVersion7AndTheIetfVariant() {
        TimeOrderedIdGenerator generator = new TimeOrderedIdGenerator(Clock.systemUTC(), new Random(7));

        assertVersion7(generate(generator));
    }

    @Test
    void firstIdCarriesTheClockMillisecondsInItsTop48Bits() {
        TimeOrderedIdGenerator generator = new TimeOrderedIdGenerator(Clock.fixed(NOW, ZoneOffset.UTC), new Random(1));

        UUID id = generator.next();

        assertThat(timestampOf(id)).isEqualTo(NOW.toEpochMilli());
        assertThat(id.toString()).startsWith("018b37c4-66f4-7");
    }

    @Test
    void strictlyIncreasingWithAFixedClock() {
        TimeOrderedIdGenerator generator = new TimeOrderedIdGenerator(Clock.fixed(NOW, ZoneOffset.UTC), new Random(42));

        List<UUID> ids = generate(generator);

        assertStrictlyIncreasing(ids);
        assertVersion7(ids);
        assertThat(ids).doesNotHaveDuplicates();
        // Running ahead of a stuck clock is allowed, but only as far as the 12-bit counter forces it to.
        assertThat(timestampOf(ids.getLast()) - NOW.toEpochMilli()).isBetween(0L, (long) COUNT / 3072 + 1);
    }

    @Test
    void strictlyIncreasingWithAClockThatGoesBackwards() {
        long[] reading = {NOW.toEpochMilli()};
        // Jumps back 5 ms on every reading: an NTP step the wrong way, again and again.
        TimeOrderedIdGenerator generator = new TimeOrderedIdGenerator(scripted(() -> reading[0] -= 5), new Random(42));

        List<UUID> ids = generate(generator);

        assertStrictlyIncreasing(ids);
        assertVersion7(ids);
    }

    @Test
    void strictlyIncreasingWhenTheClockStepsBackOnceAndThenCatchesUp() {
        long start = NOW.toEpochMilli();
        int[] call = {0};
        // One ms forward per reading, a 1 s step back at reading 5,000, then forward again.
        TimeOrderedIdGenerator generator = new TimeOrderedIdGenerator(
                scripted(() -> {
                    int n = call[0]++;
                    return n < 5_000 ? start + n : start + n - 1_000;
                }),
                new Random(42));

        List<UUID> ids = generate(generator);

        assertStrictlyIncreasing(ids);
        assertThat(timestampOf(ids.get(5_500)))
                .as("holds the last time while the clock is behind")
                .isEqualTo(start + 4_999);
        assertThat(timestampOf(ids.getLast()))
                .as("follows the clock again once it caught up")
                .isEqualTo(start + COUNT - 1 - 1_000);
    }

    @Test
    void followsTheClockWhenItMovesForward() {
        long start = NOW.toEpochMilli();
        long[] reading = {start};
        TimeOrderedIdGenerator generator = new TimeOrderedIdGenerator(scripted(() -> reading[0]), new Random(3));

        UUID first = generator.next();
        reading[0] = start + 60_000;
        UUID later = generator.next();

        assertThat(timestampOf(first)).isEqualTo(start);
        assertThat(timestampOf(later)).isEqualTo(start + 60_000);
    }

    @Test
    void differentRandomnessGivesDifferentIdsInTheSameMillisecond() {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

        UUID a = new TimeOrderedIdGenerator(clock, new Random(1)).next();
        UUID b = new TimeOrderedIdGenerator(clock, new Random(2)).next();

        assertThat(a).isNotEqualTo(b);
        assertThat(timestampOf(a)).isEqualTo(timestampOf(b));
    }
}
