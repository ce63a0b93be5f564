package dev.peregrine.monitor.config;

import org.junit.jupiter.api.Test;
import org.springframework.scheduling.support.CronTrigger;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ScheduledJobTest {

    @Test
    void aJobRunsAtItsCronTimesAndKeepsRunningAfterAFailure() {
        AtomicInteger runs = new AtomicInteger();
        ScheduledJob job = new ScheduledJob("test", new CronTrigger("* * * * * *", ZoneOffset.UTC), () -> {
            if (runs.incrementAndGet() == 1) {
                throw new IllegalStateException("first run fails");
            }
        }, true, Clock.systemUTC());
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
    void aDisabledJobNeverStarts() {
        ScheduledJob job = new ScheduledJob("off", new CronTrigger("* * * * * *", ZoneOffset.UTC), () -> {
            throw new AssertionError("must not run");
        }, false, Clock.systemUTC());
        job.start();

        assertThat(job.isRunning()).isFalse();
    }
}
