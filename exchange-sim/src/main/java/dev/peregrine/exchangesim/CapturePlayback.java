package dev.peregrine.exchangesim;

import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The captured stream messages of an {@link ExchangeSimulator} and where their release stands: sent on request
 * ({@link #release(int)}) or played in the background with the recorded gaps ({@link #play(double)}). Apart from the
 * klines because a capture rarely covers the same hours as the kline files and so has its own cursor and pace; it
 * shares the simulator's release lock so that clients see every release in order.
 */
final class CapturePlayback {

    private final List<CapturedMessage> captured;
    private final Supplier<StreamServer> streams;
    private final ScheduledExecutorService scheduler;
    private final Object releaseLock;
    /** Wraps scheduled work so that a failure is logged rather than silently cancelling the playback. */
    private final Function<Runnable, Runnable> guarded;

    private final AtomicInteger cursor = new AtomicInteger();
    private ScheduledFuture<?> player;

    CapturePlayback(
            List<CapturedMessage> captured,
            Supplier<StreamServer> streams,
            ScheduledExecutorService scheduler,
            Object releaseLock,
            Function<Runnable, Runnable> guarded) {
        this.captured = captured;
        this.streams = streams;
        this.scheduler = scheduler;
        this.releaseLock = releaseLock;
        this.guarded = guarded;
    }

    /** Sends the next {@code count} captured stream messages to their subscribers; returns how many were sent. */
    int release(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("cannot release a negative number of messages: " + count);
        }
        synchronized (releaseLock) {
            int sent = 0;
            while (sent < count && cursor.get() < captured.size()) {
                CapturedMessage message = captured.get(cursor.getAndIncrement());
                streams.get().publish(message.stream(), message.dataJson(), message.combinedJson());
                sent++;
            }
            return sent;
        }
    }

    /** Replays the capture in the background with its recorded gaps divided by {@code speed}. */
    synchronized void play(double speed) {
        if (!(speed > 0) || Double.isInfinite(speed)) {
            throw new IllegalArgumentException("the capture speed must be a positive number, was " + speed);
        }
        stop();
        player = scheduler.schedule(guarded.apply(() -> step(speed)), 0, TimeUnit.NANOSECONDS);
    }

    synchronized void stop() {
        if (player != null) {
            player.cancel(false);
            player = null;
        }
    }

    synchronized boolean isPlaying() {
        return player != null;
    }

    int remaining() {
        return Math.max(0, captured.size() - cursor.get());
    }

    private void step(double speed) {
        long gapNanos = -1;
        synchronized (releaseLock) {
            int index = cursor.get();
            if (index < captured.size()) {
                release(1);
                if (index + 1 < captured.size()) {
                    gapNanos = Math.max(
                            0,
                            captured.get(index + 1).localNanos()
                                    - captured.get(index).localNanos());
                }
            }
        }
        synchronized (this) {
            if (player == null || scheduler.isShutdown()) {
                return;
            }
            player = gapNanos < 0
                    ? null
                    : scheduler.schedule(
                            guarded.apply(() -> step(speed)), (long) (gapNanos / speed), TimeUnit.NANOSECONDS);
        }
    }
}
