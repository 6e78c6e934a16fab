package id.fleksi.provisioning.feed;

import id.fleksi.platform.figures.KabupatenFigures;
import id.fleksi.platform.tenancy.Hosting;
import id.fleksi.platform.tenancy.Tenant;
import id.fleksi.platform.tenancy.TenantStatus;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The province's two paths to a kabupaten's day, behind one face: counted now from its schema while it is hosted here
 * ({@link DailyFigures}, the statement the feed also sends), or the day its replica last sent once it is self-hosted
 * ({@link FeedDays}). Both give the feed's counts and nothing else.
 */
@Component
class CountedFigures implements KabupatenFigures {

    private final DailyFigures figures;
    private final FeedDays received;
    private final Clock clock;

    CountedFigures(DailyFigures figures, FeedDays received, ObjectProvider<Clock> clock) {
        this.figures = figures;
        this.received = received;
        this.clock = clock.getIfAvailable(Clock::systemUTC); // the application's clock; tests may set their own
    }

    @Override
    public Optional<CountedDay> of(Tenant kabupaten, LocalDate day) {
        if (kabupaten.status() == TenantStatus.ACTIVE && kabupaten.hosting() == Hosting.SHARED) {
            DailyFeed counted = figures.of(kabupaten, day, clock.instant());
            return Optional.of(new CountedDay(Source.HOSTED, day, counted.generatedAt(), opds(counted.opds())));
        }
        if (kabupaten.status() == TenantStatus.HANDED_OVER) {
            return received.between(kabupaten.code(), day, day).stream()
                    .findFirst()
                    .map(d -> new CountedDay(Source.FEED, day, d.generatedAt(), opds(d.opds())));
        }
        return Optional.empty();
    }

    private static List<Opd> opds(List<DailyFeed.Opd> opds) {
        return opds.stream()
                .map(o -> new Opd(
                        o.code(),
                        o.name(),
                        o.employees(),
                        o.expected(),
                        o.checkedIn().total(),
                        o.checkedIn().wfo(),
                        o.checkedIn().wfa(),
                        o.checkedIn().dinasLuar(),
                        o.checkedIn().late(),
                        o.absent().izin(),
                        o.absent().sakit(),
                        o.absent().cuti(),
                        o.absent().dinasLuar(),
                        o.flaggedCheckIns(),
                        o.reportsFiled()))
                .toList();
    }
}
