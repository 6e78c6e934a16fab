package id.fleksi.dev.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * The heap while a bundle is written: the most it held (sampled every 5 ms, garbage included), and the most that
 * survived a collection (what the export keeps). Starts after a full collection, from what the JVM held before.
 */
final class HeapWatch implements AutoCloseable {
    private final AtomicLong peak = new AtomicLong();
    private final AtomicLong peakAfterGc = new AtomicLong();
    private final AtomicLong collections = new AtomicLong();
    private final long before;
    private final Thread sampler;
    private final NotificationListener listener;
    private volatile boolean running = true;

    private HeapWatch() {
        System.gc();
        before = used();
        // A collection reports every pool it manages, Metaspace and the code cache too: only the heap's count here.
        Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP)
                .map(MemoryPoolMXBean::getName)
                .collect(Collectors.toSet());
        listener = (notification, handback) -> {
            if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                var info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
                long after = info.getGcInfo().getMemoryUsageAfterGc().entrySet().stream()
                        .filter(pool -> heapPools.contains(pool.getKey()))
                        .mapToLong(pool -> pool.getValue().getUsed())
                        .sum();
                peakAfterGc.accumulateAndGet(after, Math::max);
                collections.incrementAndGet();
            }
        };
        ManagementFactory.getGarbageCollectorMXBeans()
                .forEach(gc -> ((NotificationEmitter) gc).addNotificationListener(listener, null, null));
        sampler = new Thread(
                () -> {
                    while (running) {
                        peak.accumulateAndGet(used(), Math::max);
                        try {
                            Thread.sleep(5);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                },
                "heap-watch");
        sampler.setDaemon(true);
        sampler.start();
    }

    static HeapWatch start() {
        return new HeapWatch();
    }

    private static long used() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    String figures() {
        return String.format(
                "heap_before_mb=%d heap_peak_mb=%d heap_peak_after_gc_mb=%d gcs=%d heap_max_mb=%d",
                before >> 20,
                Math.max(peak.get(), used()) >> 20,
                peakAfterGc.get() >> 20,
                collections.get(),
                Runtime.getRuntime().maxMemory() >> 20);
    }

    @Override
    public void close() {
        running = false;
        sampler.interrupt();
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            try {
                ((NotificationEmitter) gc).removeNotificationListener(listener);
            } catch (javax.management.ListenerNotFoundException e) {
                // not registered on this one
            }
        }
    }
}
