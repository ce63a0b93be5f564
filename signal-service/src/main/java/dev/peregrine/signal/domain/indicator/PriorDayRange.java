package dev.peregrine.signal.domain.indicator;

import java.time.Instant;

/**
 * High and low of the UTC day before the current bar's day. Known only when the bank saw that whole day:
 * its first bar opened at 00:00 UTC and its last bar closed at the end of the day. After a skipped day, or
 * for the day the series started in the middle of, it is unknown. Missing bars inside a day are not
 * detected. Not thread-safe.
 */
public final class PriorDayRange {

    private long day = Long.MIN_VALUE;
    private boolean dayFromStart;
    private boolean dayToEnd;
    private double dayHigh;
    private double dayLow;
    private boolean priorKnown;
    private double priorHigh;
    private double priorLow;

    public void update(Instant openTime, Instant closeTime, double high, double low) {
        long barDay = UtcDays.dayOf(openTime);
        if (barDay != day) {
            priorKnown = day == barDay - 1 && dayFromStart && dayToEnd;
            priorHigh = dayHigh;
            priorLow = dayLow;
            day = barDay;
            dayFromStart = UtcDays.isMidnight(openTime);
            dayHigh = high;
            dayLow = low;
        } else {
            dayHigh = Math.max(dayHigh, high);
            dayLow = Math.min(dayLow, low);
        }
        dayToEnd = UtcDays.closesDay(closeTime, barDay);
    }

    public boolean isWarm() {
        return priorKnown;
    }

    public double high() {
        requireWarm();
        return priorHigh;
    }

    public double low() {
        requireWarm();
        return priorLow;
    }

    private void requireWarm() {
        if (!priorKnown) {
            throw new IllegalStateException("the prior UTC day was not seen completely");
        }
    }
}
