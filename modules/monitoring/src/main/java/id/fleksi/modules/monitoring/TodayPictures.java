package id.fleksi.modules.monitoring;

import id.fleksi.modules.monitoring.internal.TodayFacts;
import id.fleksi.platform.figures.DayChanged;
import id.fleksi.platform.tenancy.Tenant;
import id.fleksi.platform.tenancy.TenantCode;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Today's whole-pemda picture of each tenant, counted once and shared: by every caller of the live view and every open
 * stream, whatever they may see of it ({@link LiveView} cuts each caller's view out of it). A picture is served while it
 * is fresh: no older than asked (the live interval, {@link LiveView#INTERVAL}), counted under the tenant's current
 * revision (a unit, calendar, office or module setting changed since makes it stale, on any replica), on the same day.
 * It is dropped at once when this replica records something that changes the day ({@link DayChanged}: a check-in or
 * check-out, an absence decided, a report's activity, an employee added or retired), so a lone replica shows its own changes immediately; another
 * replica's show within the interval.
 *
 * <p>One count at a time per tenant ({@link KeptCounts}): callers that find the picture stale while it is being counted wait for that count
 * instead of starting their own. A count overtaken by a change recorded while it read is served to its caller but not
 * kept. Nothing read inside a transaction is kept (it may see its own uncommitted writes).
 */
@Component
class TodayPictures {

    /** The day as read, with its units as a tree, each counted. */
    record Picture(TodayFacts.Day day, TodayTree tree, long revision, long madeAtNanos) {}

    private final KeptCounts<TenantCode, Picture> pictures = new KeptCounts<>();
    private final TodayFacts facts;
    private final Clock clock;
    private final MeterRegistry meters;

    TodayPictures(TodayFacts facts, Clock clock, MeterRegistry meters) {
        this.facts = facts;
        this.clock = clock;
        this.meters = meters;
    }

    /** The tenant's picture, no older than {@code maxAge}: the kept one, or counted now. Runs with the tenant set. */
    Picture of(Tenant tenant, Duration maxAge) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            return count(tenant);
        }
        return pictures.get(tenant.code(), picture -> fresh(picture, tenant, maxAge), () -> count(tenant));
    }

    /** Something was recorded that changes the tenant's day: its picture goes, once the change is committed. */
    @TransactionalEventListener(fallbackExecution = true)
    void dayChanged(DayChanged change) {
        forget(change.tenant());
    }

    void forget(TenantCode tenant) {
        pictures.forget(tenant);
    }

    private Picture count(Tenant tenant) {
        sweep();
        TodayFacts.Day day = facts.today(tenant);
        Picture picture = new Picture(day, new TodayTree(day), tenant.revision(), System.nanoTime());
        Counter.builder(LiveView.COUNTED)
                .description("Whole-pemda counts of today made for the live view (each shared by its callers)")
                .tag("tenant", tenant.code().value())
                .register(meters)
                .increment();
        return picture;
    }

    /** Pictures no caller may be served any more are let go (a tenant's is some megabytes), whenever one is counted. */
    private void sweep() {
        long now = System.nanoTime();
        pictures.letGo(picture -> now - picture.madeAtNanos() > LiveView.INTERVAL.toNanos());
    }

    private boolean fresh(Picture picture, Tenant tenant, Duration maxAge) {
        if (picture.revision() < tenant.revision() || System.nanoTime() - picture.madeAtNanos() > maxAge.toNanos()) {
            return false;
        }
        // The clock may be set (tests) or the day turn: a picture is of its moment, within the same age.
        Duration apart = Duration.between(picture.day().asOf().toInstant(), clock.instant())
                .abs();
        return apart.compareTo(maxAge) <= 0
                && clock.instant()
                        .atZone(tenant.timeZone().zone())
                        .toLocalDate()
                        .equals(picture.day().date());
    }
}
