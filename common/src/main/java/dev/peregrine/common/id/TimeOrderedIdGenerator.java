package dev.peregrine.common.id;

import java.time.Clock;
import java.util.Objects;
import java.util.UUID;
import java.util.random.RandomGenerator;

/**
 * UUID version 7 (RFC 9562): 48 bits of Unix milliseconds, then randomness. Ids sort by creation time,
 * which keeps B-tree indexes compact and makes logs readable. Within one millisecond a counter in the
 * random bits keeps ids of one generator strictly increasing.
 */
public final class TimeOrderedIdGenerator implements IdGenerator {

    private final Clock clock;
    private final RandomGenerator random;
    private long lastMillis = -1;
    private long sequence;

    public TimeOrderedIdGenerator(Clock clock, RandomGenerator random) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
    }

    @Override
    public synchronized UUID next() {
        long millis = clock.millis();
        if (millis <= lastMillis) {
            millis = lastMillis;
            sequence++;
            if (sequence > 0x0FFFL) {
                // The 12-bit counter is exhausted: move on to the next millisecond rather than wrap around
                // (RFC 9562, 6.2), else the id would sort before the previous one.
                millis = ++lastMillis;
                sequence = 0;
            }
        } else {
            lastMillis = millis;
            sequence = random.nextLong() & 0x3FFL;
        }
        // 12 bits "rand_a" carry the in-millisecond sequence so ids of one generator never go backwards.
        long high = (millis << 16) | 0x7000L | (sequence & 0x0FFFL);
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low);
    }
}
