package id.fleksi.modules.monitoring;

import id.fleksi.platform.figures.DayChanged;
import id.fleksi.platform.figures.KabupatenFigures;
import id.fleksi.platform.tenancy.Tenant;
import id.fleksi.platform.tenancy.TenantCode;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Each kabupaten's day as the province sees it, counted once and kept for the live interval ({@link LiveView#INTERVAL}),
 * as the live view keeps a tenant's picture: every province page and API call within it is served from one count of each
 * kabupaten (a count walks all its employees). One count at a time per kabupaten; dropped at once when this replica
 * records something that changes the kabupaten's day ({@link DayChanged}), and never kept across a new day.
 */
@Component
class KabupatenDays {

    private record Counted(LocalDate day, Optional<KabupatenFigures.CountedDay> figures, long madeAtNanos) {}

    private static final class Slot {
        final ReentrantLock counting = new ReentrantLock();
        final AtomicLong changes = new AtomicLong();
        volatile @Nullable Counted counted;
    }

    private final Map<TenantCode, Slot> slots = new ConcurrentHashMap<>();
    private final ObjectProvider<KabupatenFigures> figures;

    KabupatenDays(ObjectProvider<KabupatenFigures> figures) {
        this.figures = figures;
    }

    /** The kabupaten's counts for the day, no older than the live interval. */
    Optional<KabupatenFigures.CountedDay> of(Tenant kabupaten, LocalDate day) {
        Slot slot = slots.computeIfAbsent(kabupaten.code(), code -> new Slot());
        Counted kept = slot.counted;
        if (kept != null && fresh(kept, day)) {
            return kept.figures();
        }
        slot.counting.lock();
        try {
            kept = slot.counted;
            if (kept != null && fresh(kept, day)) { // counted by the caller we waited for
                return kept.figures();
            }
            long changes = slot.changes.get();
            Optional<KabupatenFigures.CountedDay> counted =
                    figures.getIfAvailable(() -> (t, d) -> Optional.empty()).of(kabupaten, day);
            if (slot.changes.get() == changes) {
                slot.counted = new Counted(day, counted, System.nanoTime());
            }
            return counted;
        } finally {
            slot.counting.unlock();
        }
    }

    /** Something was recorded that changes the kabupaten's day: its counts go, once the change is committed. */
    @TransactionalEventListener(fallbackExecution = true)
    void dayChanged(DayChanged change) {
        Slot slot = slots.get(change.tenant());
        if (slot != null) {
            slot.changes.incrementAndGet();
            slot.counted = null;
        }
    }

    private static boolean fresh(Counted counted, LocalDate day) {
        return counted.day().equals(day) && System.nanoTime() - counted.madeAtNanos() < LiveView.INTERVAL.toNanos();
    }
}
