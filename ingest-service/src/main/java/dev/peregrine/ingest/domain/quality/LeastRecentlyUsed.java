package dev.peregrine.ingest.domain.quality;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * A map in access order that drops its least recently used entry when an insertion takes it over {@code max}
 * entries, handing the dropped entry to {@code dropped} first. Not thread-safe, like the monitor that uses it.
 */
final class LeastRecentlyUsed<K, V> extends LinkedHashMap<K, V> {

    private final int max;
    private final transient BiConsumer<K, V> dropped;

    LeastRecentlyUsed(int max, BiConsumer<K, V> dropped) {
        super(16, 0.75f, true);
        if (max < 1) {
            throw new IllegalArgumentException("max must be at least 1, was " + max);
        }
        this.max = max;
        this.dropped = dropped;
    }

    @Override
    protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
        if (size() <= max) {
            return false;
        }
        dropped.accept(eldest.getKey(), eldest.getValue());
        return true;
    }
}
