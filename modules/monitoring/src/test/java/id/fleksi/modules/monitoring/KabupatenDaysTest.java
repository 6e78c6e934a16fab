package id.fleksi.modules.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import id.fleksi.platform.figures.DayChanged;
import id.fleksi.platform.figures.KabupatenFigures;
import id.fleksi.platform.tenancy.Hosting;
import id.fleksi.platform.tenancy.MigrationState;
import id.fleksi.platform.tenancy.RegionTimeZone;
import id.fleksi.platform.tenancy.Tenant;
import id.fleksi.platform.tenancy.TenantCode;
import id.fleksi.platform.tenancy.TenantKind;
import id.fleksi.platform.tenancy.TenantStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

/** The province's counts of a kabupaten: one count serves every call within the live interval. No database. */
class KabupatenDaysTest {

    private final AtomicInteger counts = new AtomicInteger();
    private final KabupatenFigures figures = (kabupaten, day) -> Optional.of(new KabupatenFigures.CountedDay(
            KabupatenFigures.Source.HOSTED, day, Instant.now(), List.of(opd(counts.incrementAndGet()))));
    private final KabupatenDays days = new KabupatenDays(
            new StaticListableBeanFactory(Map.of("figures", figures)).getBeanProvider(KabupatenFigures.class));
    private final Tenant mateng = kabupaten("mateng");
    private final LocalDate monday = LocalDate.of(2026, 1, 5);

    @Test
    void callsWithinTheIntervalAreServedFromOneCountAndAnotherKabupatenOrDayIsCountedOnItsOwn() {
        int first = checkedIn(days.of(mateng, monday));
        assertThat(checkedIn(days.of(mateng, monday))).isEqualTo(first);
        assertThat(counts).hasValue(1);

        days.of(kabupaten("pasangkayu"), monday);
        days.of(mateng, monday.plusDays(1));
        assertThat(counts).hasValue(3);
    }

    @Test
    void aChangeRecordedHereDropsTheKabupatensCountAndAnOlderCountIsNotServed() throws InterruptedException {
        days.of(mateng, monday);
        days.dayChanged(new DayChanged(TenantCode.of("pasangkayu")));
        days.of(mateng, monday);
        assertThat(counts).as("another kabupaten's change").hasValue(1);

        days.dayChanged(new DayChanged(mateng.code()));
        assertThat(checkedIn(days.of(mateng, monday))).isEqualTo(2);

        Thread.sleep(LiveView.INTERVAL.toMillis() + 100);
        assertThat(checkedIn(days.of(mateng, monday))).isEqualTo(3);
    }

    private static int checkedIn(Optional<KabupatenFigures.CountedDay> counted) {
        return counted.orElseThrow().opds().get(0).checkedIn();
    }

    private static KabupatenFigures.Opd opd(int checkedIn) {
        return new KabupatenFigures.Opd(
                "DINKES", "Dinas Kesehatan", 10, 10, checkedIn, checkedIn, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    }

    private static Tenant kabupaten(String code) {
        TenantCode tenant = TenantCode.of(code);
        return new Tenant(
                tenant,
                code,
                TenantKind.KABUPATEN,
                TenantCode.of("sulbar"),
                "76.06",
                RegionTimeZone.WITA,
                tenant.schemaName(),
                tenant.realmName(),
                TenantStatus.ACTIVE,
                Hosting.SHARED,
                0,
                MigrationState.CURRENT,
                null,
                null,
                null);
    }
}
