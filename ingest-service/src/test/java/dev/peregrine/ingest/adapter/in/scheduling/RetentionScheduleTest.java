package dev.peregrine.ingest.adapter.in.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RetentionScheduleTest {

    @Test
    void aSweepThatThrowsDoesNotEndTheSchedule() throws InterruptedException {
        AtomicInteger runs = new AtomicInteger();
        RetentionSchedule schedule = new RetentionSchedule(
                () -> {
                    if (runs.incrementAndGet() <= 2) {
                        throw new IllegalStateException("database down");
                    }
                },
                Duration.ofMillis(20));

        schedule.start();
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> runs.get() >= 4);
        } finally {
            schedule.close();
        }
    }

    @Test
    void nothingRunsBeforeTheFirstInterval() throws InterruptedException {
        AtomicInteger runs = new AtomicInteger();
        RetentionSchedule schedule = new RetentionSchedule(runs::incrementAndGet, Duration.ofHours(1));

        schedule.start();
        try {
            // A sweep at start would have run within these 300 ms.
            await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> runs.get() == 0);
        } finally {
            schedule.close();
        }
        assertThat(runs).hasValue(0);
    }

    @Test
    void anIntervalMustBePositive() {
        assertThatThrownBy(() -> new RetentionSchedule(() -> {}, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
