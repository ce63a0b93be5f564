package dev.peregrine.benchmarks.ingest;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * Heap in use right after each garbage collection, from the JVM's GC notifications: the live data plus what the
 * collector left for later, the figure that shows a leak as a rising floor while used-heap samples only show the
 * allocation saw-tooth. {@link #window()} hands out what happened since the last call.
 */
final class HeapMonitor implements NotificationListener, AutoCloseable {

    /** What the collections of one sampling window left. */
    record Window(int collections, long collectionMillis, long minAfterBytes, long lastAfterBytes) {

        boolean empty() {
            return collections == 0;
        }
    }

    private final Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(pool -> pool.getType() == MemoryType.HEAP)
            .map(MemoryPoolMXBean::getName)
            .collect(Collectors.toSet());
    private final List<NotificationEmitter> emitters = new ArrayList<>();
    private int collections;
    private long collectionMillis;
    private long minAfter = Long.MAX_VALUE;
    private long lastAfter = -1;
    private long totalCollections;

    static HeapMonitor start() {
        HeapMonitor monitor = new HeapMonitor();
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (collector instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener(monitor, null, null);
                monitor.emitters.add(emitter);
            }
        }
        return monitor;
    }

    @Override
    public void handleNotification(Notification notification, Object handback) {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
            return;
        }
        GarbageCollectionNotificationInfo info =
                GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
        long after = 0;
        for (Map.Entry<String, MemoryUsage> pool :
                info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
            if (heapPools.contains(pool.getKey())) {
                after += pool.getValue().getUsed();
            }
        }
        record(after, info.getGcInfo().getDuration());
    }

    private synchronized void record(long afterBytes, long millis) {
        collections++;
        totalCollections++;
        collectionMillis += millis;
        minAfter = Math.min(minAfter, afterBytes);
        lastAfter = afterBytes;
    }

    /** The collections since the previous call; the last after-GC figure carries over an empty window. */
    synchronized Window window() {
        Window window = new Window(collections, collectionMillis, collections == 0 ? lastAfter : minAfter, lastAfter);
        collections = 0;
        collectionMillis = 0;
        minAfter = Long.MAX_VALUE;
        return window;
    }

    synchronized long totalCollections() {
        return totalCollections;
    }

    @Override
    public void close() {
        for (NotificationEmitter emitter : emitters) {
            try {
                emitter.removeNotificationListener(this);
            } catch (javax.management.ListenerNotFoundException e) {
                // Already gone: nothing to undo.
            }
        }
    }
}
