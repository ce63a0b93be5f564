package dev.peregrine.ingest.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.peregrine.common.value.Interval;
import dev.peregrine.common.value.Symbol;
import dev.peregrine.ingest.domain.ReplayRun;
import dev.peregrine.ingest.domain.ReplayTrigger;
import dev.peregrine.ingest.domain.Series;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BatchLaneTest {

    private static final Duration PATIENCE = Duration.ofSeconds(10);

    private final ReplayControl control = new ReplayControl(ReplayRun.started(
            new UUID(0, 1),
            "replay:test",
            "/data/LANEUSDT-15m.csv",
            new Series(Symbol.of("LANEUSDT"), Interval.FIFTEEN_MINUTES),
            0,
            ReplayTrigger.OPERATOR,
            Instant.parse("2025-01-01T00:00:00Z")));
    private final List<String> done = new CopyOnWriteArrayList<>();
    private final ExecutorService executor = Fakes.pipelineThreads();

    @AfterEach
    void stopTheExecutor() {
        executor.shutdownNow();
    }

    @Test
    void runsTheBatchesOneAtATimeInTheOrderHandedOverOnAThreadOfItsOwn() throws InterruptedException {
        BatchLane lane = new BatchLane("publishing", executor, 2, control);
        AtomicReference<Thread> worker = new AtomicReference<>();

        for (int i = 1; i <= 5; i++) {
            String name = "batch " + i;
            lane.submit(() -> {
                worker.compareAndSet(null, Thread.currentThread());
                done.add(name);
            });
        }
        lane.finish();

        assertThat(done).containsExactly("batch 1", "batch 2", "batch 3", "batch 4", "batch 5");
        assertThat(worker.get()).isNotSameAs(Thread.currentThread());
        assertThat(worker.get().getName()).isEqualTo("replay-pipeline");
    }

    @Test
    void afterAFailureTheRestIsSkippedAndTheFailureReachesTheReplayThread() throws InterruptedException {
        BatchLane lane = new BatchLane("publishing", executor, 3, control);
        CountDownLatch allHandedOver = new CountDownLatch(1);
        lane.submit(() -> {
            awaitQuietly(allHandedOver);
            done.add("batch 1");
        });
        lane.submit(() -> {
            throw new IllegalStateException("broker away");
        });
        lane.submit(() -> done.add("batch 3"));
        allHandedOver.countDown();

        assertThatThrownBy(lane::finish)
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("broker away");
        assertThat(done).containsExactly("batch 1");
        assertThatThrownBy(() -> lane.submit(() -> done.add("batch 4"))).hasMessage("broker away");
        assertThatThrownBy(lane::throwIfFailed).hasMessage("broker away");
    }

    @Test
    void theReplayThreadWaitsWhileCapacityBatchesAreNotDone() throws InterruptedException {
        BatchLane lane = new BatchLane("publishing", executor, 1, control);
        CountDownLatch brokerSlow = new CountDownLatch(1);
        lane.submit(() -> {
            awaitQuietly(brokerSlow);
            done.add("batch 1");
        });
        Thread replay = Thread.ofPlatform().start(() -> {
            try {
                lane.submit(() -> done.add("batch 2"));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });

        await().atMost(PATIENCE).until(() -> replay.getState() == Thread.State.WAITING);
        assertThat(done).isEmpty();

        brokerSlow.countDown();
        replay.join(PATIENCE.toMillis());
        lane.finish();

        assertThat(replay.isAlive()).isFalse();
        assertThat(done).containsExactly("batch 1", "batch 2");
    }

    @Test
    void abortInterruptsTheBatchUnderWaySkipsTheRestAndWaitsForTheThread() throws InterruptedException {
        BatchLane lane = new BatchLane("publishing", executor, 2, control);
        AtomicBoolean interrupted = submitABatchThatWaitsUntilInterrupted(lane);
        lane.submit(() -> done.add("batch 2"));

        assertThat(lane.abort()).isTrue();

        assertThat(interrupted).isTrue();
        assertThat(done).isEmpty();
        assertThatThrownBy(() -> lane.submit(() -> done.add("batch 3"))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aCancelOfTheRunInterruptsThePublishingThreadAndSkipsWhatHasNotStarted() throws InterruptedException {
        BatchLane lane = new BatchLane("publishing", executor, 2, control);
        AtomicBoolean interrupted = submitABatchThatWaitsUntilInterrupted(lane);
        lane.submit(() -> done.add("batch 2"));

        control.requestCancel();
        lane.finish();

        assertThat(interrupted).isTrue();
        assertThat(done).isEmpty();
    }

    @Test
    void aLaneNobodyHandedABatchToStartsNoThreadAndFinishesAtOnce() throws InterruptedException {
        BatchLane lane = new BatchLane(
                "publishing",
                runnable -> {
                    throw new AssertionError("no thread expected");
                },
                1,
                control);

        lane.finish();

        assertThat(lane.abort()).isTrue();
        assertThatThrownBy(() -> new BatchLane("publishing", executor, 0, control))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("capacity must be at least 1");
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Submits a batch that blocks until its thread is interrupted, and returns once it runs: the flag says it was. */
    private static AtomicBoolean submitABatchThatWaitsUntilInterrupted(BatchLane lane) throws InterruptedException {
        CountDownLatch started = new CountDownLatch(1);
        AtomicBoolean interrupted = new AtomicBoolean();
        lane.submit(() -> {
            started.countDown();
            try {
                new CountDownLatch(1).await();
            } catch (InterruptedException e) {
                interrupted.set(true);
            }
        });
        started.await();
        return interrupted;
    }
}
