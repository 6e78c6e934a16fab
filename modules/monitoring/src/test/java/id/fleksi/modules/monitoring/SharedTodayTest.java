package id.fleksi.modules.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import id.fleksi.modules.attendance.Absences;
import id.fleksi.modules.attendance.AttendanceModule;
import id.fleksi.modules.attendance.CheckInRequest;
import id.fleksi.modules.attendance.CheckIns;
import id.fleksi.platform.migration.TenantMigrator;
import id.fleksi.platform.modules.ModuleSwitches;
import id.fleksi.platform.security.Caller;
import id.fleksi.platform.tenancy.Tenant;
import id.fleksi.platform.tenancy.TenantCode;
import id.fleksi.platform.tenancy.TenantContext;
import id.fleksi.platform.tenancy.TenantRegistry;
import id.fleksi.platform.tenancy.TenantSql;
import id.fleksi.platform.testing.TestClock;
import id.fleksi.platform.testing.TestDatabase;
import id.fleksi.platform.testing.TestTenants;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The live view counts a tenant's day once and serves every caller from it for {@link LiveView#INTERVAL}: what this
 * replica records shows at the next call, what reaches the database any other way within the interval, and callers of
 * different roles each get their own cut of one count. A pemda of two OPD and an office, Tuesday 6 January 2026, 10:00 WITA.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class SharedTodayTest {

    static final LocalDate TODAY = LocalDate.parse("2026-01-06");
    static final double OFFICE_LAT = -1.7356;
    static final double OFFICE_LON = 119.5461;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
    }

    @Autowired
    LiveView live;

    @Autowired
    CheckIns checkIns;

    @Autowired
    Absences absences;

    @Autowired
    TestClock clock;

    @Autowired
    TenantRegistry registry;

    @Autowired
    TenantMigrator migrator;

    @Autowired
    ModuleSwitches switches;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MeterRegistry meters;

    TenantCode code;
    Tenant tenant;
    UUID dodi;

    @BeforeEach
    void aPemdaWithAnOffice() {
        code = TestTenants.migrated(registry, migrator, "shared"); // WITA (UTC+8)
        switches.change(code, AttendanceModule.ID, true, Map.of(), "test");
        switches.change(code, "fwa", true, Map.of(), "test");
        switches.change(code, MonitoringModule.ID, true, Map.of(), "test");
        clock.set("2026-01-06T10:00:00+08:00");
        TenantContext.runAs(code, () -> {
            UUID dinkes = MonitoringRows.unit(jdbc, "DINKES", "Dinas Kesehatan", null);
            UUID bappeda = MonitoringRows.unit(jdbc, "BAPPEDA", "Bappeda", null);
            UUID office = UUID.randomUUID();
            jdbc.sql(
                            TenantSql.of(
                                    "insert into {office} (id, name, latitude, longitude, radius_metres) values (?, 'Kantor Bupati', ?, ?, 100)"))
                    .params(office, OFFICE_LAT, OFFICE_LON)
                    .update();
            for (UUID unit : new UUID[] {dinkes, bappeda}) {
                jdbc.sql(TenantSql.of("insert into {office_unit} (office_id, unit_id) values (?, ?)"))
                        .params(office, unit)
                        .update();
            }
            UUID ana = MonitoringRows.person(jdbc, "Ana", dinkes);
            UUID beni = MonitoringRows.person(jdbc, "Beni", dinkes);
            jdbc.sql(TenantSql.of("update {employee} set supervisor_id = ? where id = ?"))
                    .params(ana, beni)
                    .update();
            MonitoringRows.person(jdbc, "Cici", dinkes);
            dodi = MonitoringRows.person(jdbc, "Dodi", bappeda);
            UUID hadi = MonitoringRows.person(jdbc, "Hadi", bappeda);
            jdbc.sql(TenantSql.of("update {org_unit} set head_employee_id = ? where id = ?"))
                    .params(hadi, bappeda)
                    .update();
        });
        tenant = registry.require(code); // its revision after the units and offices above
    }

    @AfterEach
    void dropTenant() {
        TestTenants.remove(jdbc, registry, code);
    }

    @Test
    void aCheckInTakenHereShowsAtTheNextCallWithoutWaiting() {
        assertThat(as(() -> live.today(tenant, leader(), null)).total().checkedIn())
                .isZero();
        double before = counted();

        as(() -> checkIns.submit(
                "cici",
                new CheckInRequest(
                        CheckInRequest.Kind.IN,
                        OFFICE_LAT + 0.0002,
                        OFFICE_LON,
                        10.0,
                        "press-" + UUID.randomUUID(),
                        null,
                        false,
                        null)));

        LiveView.View after = as(() -> live.today(tenant, leader(), null));
        assertThat(after.total().checkedIn()).isEqualTo(1);
        assertThat(counted() - before)
                .as("counted again once, for the check-in")
                .isEqualTo(1);
    }

    @Test
    void anAbsenceApprovedHereShowsAtTheNextCall() {
        UUID filed = as(() -> absences.file(
                        "beni", new Absences.NewAbsence(Absences.Kind.SAKIT, TODAY, TODAY, "Demam", null, null, null)))
                .id();
        assertThat(as(() -> live.today(tenant, leader(), null)).total().excused())
                .isZero();

        as(() -> absences.decide("ana", filed, true, null));

        assertThat(as(() -> live.today(tenant, leader(), null)).total().sakit()).isEqualTo(1);
    }

    @Test
    void aCheckInWrittenStraightIntoTheDatabaseShowsWithinTheInterval() throws InterruptedException {
        assertThat(as(() -> live.today(tenant, leader(), null)).total().checkedIn())
                .isZero();
        long start = System.nanoTime();

        // As another replica, or an import, would write it: nothing here hears of it.
        as(() -> {
            MonitoringRows.checkIn(jdbc, dodi, TODAY, "WFO", 0);
            return null;
        });

        int seen = 0;
        Duration waited = Duration.ZERO;
        // The interval, and as long again for a slow machine: it shows once the count it was served from is older.
        while (seen == 0 && waited.compareTo(LiveView.INTERVAL.multipliedBy(2)) < 0) {
            Thread.sleep(100);
            seen = as(() -> live.today(tenant, leader(), null)).total().checkedIn();
            waited = Duration.ofNanos(System.nanoTime() - start);
        }
        assertThat(seen).as("checked in, after %s", waited).isEqualTo(1);
    }

    @Test
    void callersOfDifferentRolesGetTheirOwnViewsCutFromOneCount() {
        // A check-in recorded here, so that the next view counts anew (and the interval is long, so that a slow machine
        // cannot let the count age in between: the callers are served as within it).
        as(() -> checkIns.submit(
                "dodi",
                new CheckInRequest(
                        CheckInRequest.Kind.IN,
                        OFFICE_LAT,
                        OFFICE_LON,
                        10.0,
                        "press-" + UUID.randomUUID(),
                        null,
                        false,
                        null)));
        double before = counted();
        Duration interval = Duration.ofMinutes(1);

        LiveView.View bupati = as(() -> live.view(tenant, live.sightOf(leader()), "BAPPEDA", interval));
        LiveView.View admin =
                as(() -> live.view(tenant, live.sightOf(caller("admin", "tenant-admin")), "BAPPEDA", interval));
        LiveView.View hadi = as(() -> live.view(tenant, live.sightOf(caller("hadi")), null, interval));
        LiveView.View bkd = as(() -> live.view(tenant, live.sightOf(caller("bkd", "bkd")), null, interval));

        assertThat(counted() - before).as("one count for the four").isEqualTo(1);
        assertThat(bupati.people())
                .extracting(LiveView.PersonRow::name, LiveView.PersonRow::standing)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Dodi", "WFO"),
                        org.assertj.core.groups.Tuple.tuple("Hadi", "NOT_YET_IN"));
        assertThat(admin.people()).as("the tenant admin sees counts only").isNull();
        assertThat(admin.total()).isEqualTo(bupati.total());
        assertThat(hadi.units()).extracting(LiveView.UnitRow::code).containsExactly("BAPPEDA");
        assertThat(hadi.total().expected()).isEqualTo(2);
        assertThat(bkd.units()).extracting(LiveView.UnitRow::code).containsExactly("BAPPEDA", "DINKES");
        assertThat(bkd.total().expected()).isEqualTo(5);
        assertThat(bkd.total().checkedIn()).isEqualTo(1);
    }

    private double counted() {
        Counter counter =
                meters.find(LiveView.COUNTED).tag("tenant", code.value()).counter();
        return counter == null ? 0 : counter.count();
    }

    private static Caller leader() {
        return caller("bupati", MonitoringModule.LEADER);
    }

    private static Caller caller(String username, String... roles) {
        return new Caller("realm", UUID.randomUUID().toString(), username, Set.of(roles));
    }

    private <T> T as(Supplier<T> work) {
        return TenantContext.callAs(code, work);
    }
}
