package id.fleksi.modules.monitoring;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Counts kept per key and served while fresh, the live view's way of sharing one count among its callers: one count at a
 * time per key (a caller that finds the kept one stale while it is being counted waits for that count instead of
 * starting its own), and a count overtaken by a change forgotten while it read is served to its caller but not kept.
 */
final class KeptCounts<K, V> {

    private static final class Slot<V> {
        final ReentrantLock counting = new ReentrantLock();
        final AtomicLong changes = new AtomicLong();
        volatile @Nullable V kept;
    }

    private final Map<K, Slot<V>> slots = new ConcurrentHashMap<>();

    /** The kept value if {@code fresh} says so, else counted now (and kept unless a change came in between). */
    V get(K key, Predicate<V> fresh, Supplier<V> count) {
        Slot<V> slot = slots.computeIfAbsent(key, k -> new Slot<>());
        V kept = slot.kept;
        if (kept != null && fresh.test(kept)) {
            return kept;
        }
        slot.counting.lock();
        try {
            kept = slot.kept;
            if (kept != null && fresh.test(kept)) { // counted by the caller we waited for
                return kept;
            }
            long changes = slot.changes.get();
            V made = count.get();
            if (slot.changes.get() == changes) {
                slot.kept = made;
            }
            return made;
        } finally {
            slot.counting.unlock();
        }
    }

    /** Something changed what the key's count says: it goes, and a count reading meanwhile is not kept. */
    void forget(K key) {
        Slot<V> slot = slots.get(key);
        if (slot != null) {
            slot.changes.incrementAndGet();
            slot.kept = null;
        }
    }

    /** Lets go of every kept value no caller may be served any more. */
    void letGo(Predicate<V> stale) {
        for (Slot<V> slot : slots.values()) {
            V kept = slot.kept;
            if (kept != null && stale.test(kept)) {
                slot.kept = null;
            }
        }
    }
}
