package dev.peregrine.signal.domain.indicator;

import java.time.Instant;

/** UTC calendar-day arithmetic on instants without allocating (no LocalDate, no ZonedDateTime). */
final class UtcDays {

    static final long SECONDS_PER_DAY = 86_400;
    static final long MILLIS_PER_DAY = SECONDS_PER_DAY * 1000;

    private UtcDays() {}

    /** Days since 1970-01-01 of the UTC day the instant falls in. */
    static long dayOf(Instant instant) {
        return Math.floorDiv(instant.getEpochSecond(), SECONDS_PER_DAY);
    }

    static boolean isMidnight(Instant instant) {
        return Math.floorMod(instant.getEpochSecond(), SECONDS_PER_DAY) == 0 && instant.getNano() == 0;
    }

    /** Whether a bar closing at {@code closeTime} (Binance style: the last millisecond it covers) ends {@code day}. */
    static boolean closesDay(Instant closeTime, long day) {
        return closeTime.toEpochMilli() >= (day + 1) * MILLIS_PER_DAY - 1;
    }
}
