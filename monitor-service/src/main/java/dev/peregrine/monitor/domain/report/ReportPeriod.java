package dev.peregrine.monitor.domain.report;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The span a report covers, judged in UTC and half-open ({@code from <= t < to}): a calendar day, or an ISO week
 * (Monday 00:00 to the next Monday 00:00).
 *
 * @param label {@code 2026-12-06} for a day, {@code 2026-W49} for a week
 */
public record ReportPeriod(Kind kind, String label, Instant from, Instant to) {

    private static final Pattern ISO_WEEK = Pattern.compile("(\\d{4})-W(\\d{2})");

    public enum Kind {
        DAILY,
        WEEKLY
    }

    public ReportPeriod {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(label, "label");
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("a period must end after it starts: " + from + " .. " + to);
        }
    }

    public static ReportPeriod day(LocalDate date) {
        Instant from = date.atStartOfDay(ZoneOffset.UTC).toInstant();
        return new ReportPeriod(
                Kind.DAILY,
                date.toString(),
                from,
                date.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    /** @param text a date like {@code 2026-12-06} */
    public static ReportPeriod day(String text) {
        try {
            return day(LocalDate.parse(text.trim()));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("date must be a UTC day like 2026-12-06: '" + abbreviate(text) + "'");
        }
    }

    /** The ISO week (Monday first) that contains {@code date}. */
    public static ReportPeriod weekOf(LocalDate date) {
        LocalDate monday = date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        String label = String.format(
                Locale.ROOT,
                "%d-W%02d",
                monday.get(IsoFields.WEEK_BASED_YEAR),
                monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
        return new ReportPeriod(
                Kind.WEEKLY,
                label,
                monday.atStartOfDay(ZoneOffset.UTC).toInstant(),
                monday.plusWeeks(1).atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    /** @param text an ISO week like {@code 2026-W49} */
    public static ReportPeriod week(String text) {
        Matcher matcher = ISO_WEEK.matcher(text.trim().toUpperCase(Locale.ROOT));
        if (!matcher.matches()) {
            throw new IllegalArgumentException("week must be an ISO week like 2026-W49: '" + abbreviate(text) + "'");
        }
        int year = Integer.parseInt(matcher.group(1));
        int week = Integer.parseInt(matcher.group(2));
        // 4 January is always in week 1 of its week-based year.
        LocalDate inWeekOne = LocalDate.of(year, 1, 4);
        long weeks = inWeekOne.range(IsoFields.WEEK_OF_WEEK_BASED_YEAR).getMaximum();
        if (week < 1 || week > weeks) {
            throw new IllegalArgumentException("week must be between " + year + "-W01 and " + year + "-W" + weeks
                    + ": '" + abbreviate(text) + "'");
        }
        return weekOf(inWeekOne.with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, week));
    }

    /** The last whole UTC day before {@code now}. */
    public static ReportPeriod previousDay(Instant now) {
        return day(LocalDate.ofInstant(now, ZoneOffset.UTC).minusDays(1));
    }

    /** The last whole ISO week before {@code now}. */
    public static ReportPeriod previousWeek(Instant now) {
        return weekOf(LocalDate.ofInstant(now, ZoneOffset.UTC).minusWeeks(1));
    }

    /** Whether the period is over at {@code now}: a report of it will not change any more (but for late data). */
    public boolean isOver(Instant now) {
        return !now.isBefore(to);
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }
}
