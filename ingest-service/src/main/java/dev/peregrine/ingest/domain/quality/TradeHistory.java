package dev.peregrine.ingest.domain.quality;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

/**
 * The most recent trades of one symbol in a ring buffer, to find the last trade at or before a kline's close
 * time even when trades after the close arrived before the closed kline did (separate streams).
 */
final class TradeHistory {

    private final long[] times;
    private final BigDecimal[] prices;
    private int size;
    private int next;

    TradeHistory(int capacity) {
        this.times = new long[capacity];
        this.prices = new BigDecimal[capacity];
    }

    void add(Instant time, BigDecimal price) {
        if (size < times.length) {
            size++;
        }
        times[next] = time.toEpochMilli();
        prices[next] = price;
        next = (next + 1) % times.length;
    }

    /** The newest trade's price. */
    Optional<BigDecimal> last() {
        return size == 0 ? Optional.empty() : Optional.of(prices[index(0)]);
    }

    /** The newest trade's time. */
    Optional<Instant> lastTime() {
        return size == 0 ? Optional.empty() : Optional.of(Instant.ofEpochMilli(times[index(0)]));
    }

    /**
     * The last trade at or before {@code time}, or empty when no trade that old is known: none was seen yet, or it
     * has left the buffer (then the answer is unknown rather than the oldest trade kept).
     */
    Optional<Trade> lastAtOrBefore(Instant time) {
        long millis = time.toEpochMilli();
        for (int back = 0; back < size; back++) {
            int i = index(back);
            if (times[i] <= millis) {
                return Optional.of(new Trade(Instant.ofEpochMilli(times[i]), prices[i]));
            }
        }
        return Optional.empty();
    }

    private int index(int back) {
        return Math.floorMod(next - 1 - back, times.length);
    }

    record Trade(Instant time, BigDecimal price) {}
}
