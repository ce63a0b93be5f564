package dev.peregrine.monitor.domain.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ReportPeriodTest {

    @Test
    void aDayIsItsUtcMidnightToTheNext() {
        ReportPeriod day = ReportPeriod.day("2026-12-06");

        assertThat(day.kind()).isEqualTo(ReportPeriod.Kind.DAILY);
        assertThat(day.from()).isEqualTo(Instant.parse("2026-12-06T00:00:00Z"));
        assertThat(day.to()).isEqualTo(Instant.parse("2026-12-07T00:00:00Z"));
        assertThat(day.isOver(Instant.parse("2026-12-06T23:59:59.999Z"))).isFalse();
        assertThat(day.isOver(Instant.parse("2026-12-07T00:00:00Z"))).isTrue();
    }

    @Test
    void anIsoWeekRunsFromMondayToMonday() {
        ReportPeriod week = ReportPeriod.week("2026-W49");

        assertThat(week.from()).isEqualTo(Instant.parse("2026-11-30T00:00:00Z"));
        assertThat(week.to()).isEqualTo(Instant.parse("2026-12-07T00:00:00Z"));
        assertThat(week.label()).isEqualTo("2026-W49");
        // Week 1 of 2021 starts on 4 January 2021; 2020-W53 exists (2020 began on a Wednesday and was a leap year).
        assertThat(ReportPeriod.week("2021-W01").from()).isEqualTo(Instant.parse("2021-01-04T00:00:00Z"));
        assertThat(ReportPeriod.week("2020-W53").from()).isEqualTo(Instant.parse("2020-12-28T00:00:00Z"));
    }

    @Test
    void thePreviousPeriodsAreTheLastWholeDayAndWeek() {
        Instant justAfterMidnight = Instant.parse("2026-12-07T00:05:00Z"); // a Monday

        assertThat(ReportPeriod.previousDay(justAfterMidnight)).isEqualTo(ReportPeriod.day("2026-12-06"));
        assertThat(ReportPeriod.previousWeek(justAfterMidnight)).isEqualTo(ReportPeriod.week("2026-W49"));
        assertThat(ReportPeriod.previousWeek(Instant.parse("2026-12-06T23:00:00Z")))
                .isEqualTo(ReportPeriod.week("2026-W48"));
    }

    @Test
    void malformedPeriodsAreRefusedWithWhatToSend() {
        assertThatThrownBy(() -> ReportPeriod.day("06/12/2026")).hasMessageContaining("2026-12-06");
        assertThatThrownBy(() -> ReportPeriod.week("2026-49")).hasMessageContaining("2026-W49");
        assertThatThrownBy(() -> ReportPeriod.week("2025-W53")).hasMessageContaining("2025-W52");
        assertThatThrownBy(() -> ReportPeriod.week("2026-W00")).isInstanceOf(IllegalArgumentException.class);
    }
}
