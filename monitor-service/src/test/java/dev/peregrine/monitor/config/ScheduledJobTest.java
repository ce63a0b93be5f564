package dev.peregrine.monitor.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.scheduling.support.CronTrigger;

class ScheduledJobTest {

    @Test
    void aJobRunsAtItsCronTimesAndKeepsRunningAfterAFailure() {
        AtomicInteger runs = new AtomicInteger();
        ScheduledJob job = new ScheduledJob(
                "test",
                new CronTrigger("* * * * * *", ZoneOffset.UTC),
                () -> {
                    if (runs.incrementAndGet() == 1) {
                        throw new IllegalStateException("first run fails");
                    }
                },
                true,
                Clock.systemUTC());
        job.start();
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> runs.get() >= 2);
            assertThat(job.isRunning()).isTrue();
        } finally {
            job.stop();
        }
        assertThat(job.isRunning()).isFalse();
    }

    @Test
    void stoppingDoesNotWaitForTheNextRunsTime() {
        // A daily report's next run is hours away: stopping must not wait for it (it once held every shutdown 10 s).
        ScheduledJob job = new ScheduledJob(
                "daily", new CronTrigger("0 5 0 * * *", ZoneOffset.UTC), () -> {}, true, java.time.Clock.systemUTC());
        job.start();

        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(5), () -> job.stop());
        org.assertj.core.api.Assertions.assertThat(job.isRunning()).isFalse();
    }

    @Test
    void aDisabledJobNeverStarts() {
        ScheduledJob job = new ScheduledJob(
                "off",
                new CronTrigger("* * * * * *", ZoneOffset.UTC),
                () -> {
                    throw new AssertionError("must not run");
                },
                false,
                Clock.systemUTC());
        job.start();

        assertThat(job.isRunning()).isFalse();
    }
}
