package id.fleksi.modules.monitoring;

import id.fleksi.platform.figures.DayChanged;
import id.fleksi.platform.figures.KabupatenFigures;
import id.fleksi.platform.tenancy.Tenant;
import id.fleksi.platform.tenancy.TenantCode;
import java.time.LocalDate;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Each kabupaten's day as the province sees it, counted once and kept for the live interval ({@link LiveView#INTERVAL}),
 * as the live view keeps a tenant's picture: every province page and API call within it is served from one count of each
 * kabupaten (a count walks all its employees). One count at a time per kabupaten ({@link KeptCounts}); dropped at once
 * when this replica records something that changes the kabupaten's day ({@link DayChanged}); never kept across a day.
 */
@Component
class KabupatenDays {

    private record Counted(LocalDate day, Optional<KabupatenFigures.CountedDay> figures, long madeAtNanos) {}

    private final KeptCounts<TenantCode, Counted> counts = new KeptCounts<>();
    private final ObjectProvider<KabupatenFigures> figures;

    KabupatenDays(ObjectProvider<KabupatenFigures> figures) {
        this.figures = figures;
    }

    /** The kabupaten's counts for the day, no older than the live interval. */
    Optional<KabupatenFigures.CountedDay> of(Tenant kabupaten, LocalDate day) {
        return counts.get(
                        kabupaten.code(),
                        counted -> fresh(counted, day),
                        () -> new Counted(
                                day,
                                figures.getIfAvailable(() -> (t, d) -> Optional.empty())
                                        .of(kabupaten, day),
                                System.nanoTime()))
                .figures();
    }

    /** Something was recorded that changes the kabupaten's day: its counts go, once the change is committed. */
    @TransactionalEventListener(fallbackExecution = true)
    void dayChanged(DayChanged change) {
        counts.forget(change.tenant());
    }

    private static boolean fresh(Counted counted, LocalDate day) {
        return counted.day().equals(day) && System.nanoTime() - counted.madeAtNanos() < LiveView.INTERVAL.toNanos();
    }
}
