package id.fleksi.modules.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import id.fleksi.modules.attendance.AttendanceModule;
import id.fleksi.platform.migration.TenantMigrator;
import id.fleksi.platform.modules.ModuleSwitches;
import id.fleksi.platform.problem.Problem;
import id.fleksi.platform.security.Caller;
import id.fleksi.platform.tenancy.Tenant;
import id.fleksi.platform.tenancy.TenantCode;
import id.fleksi.platform.tenancy.TenantContext;
import id.fleksi.platform.tenancy.TenantRegistry;
import id.fleksi.platform.tenancy.TenantSql;
import id.fleksi.platform.testing.TestClock;
import id.fleksi.platform.testing.TestDatabase;
import id.fleksi.platform.testing.TestTenants;
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
 * The live view's counts against a hand count: a pemda of three OPD on Tuesday 6 January 2026 at 10:00 WITA, one OPD
 * with a sub-unit, one on a local holiday, people in every standing. Who sees what: persons or counts only.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class LiveViewTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
    }

    static final LocalDate TODAY = LocalDate.parse("2026-01-06");
    static final LocalDate MONDAY = LocalDate.parse("2026-01-05");

    @Autowired
    LiveView live;

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

    TenantCode code;
    Tenant tenant;

    @BeforeEach
    void aPemdaOnATuesdayMorning() {
        code = TestTenants.migrated(registry, migrator, "mon"); // WITA (UTC+8)
        tenant = registry.require(code);
        switches.change(code, AttendanceModule.ID, true, Map.of(), "test");
        switches.change(code, MonitoringModule.ID, true, Map.of(), "test");
        clock.set("2026-01-06T10:00:00+08:00");
        TenantContext.runAs(code, () -> {
            UUID dinkes = MonitoringRows.unit(jdbc, "DINKES", "Dinas Kesehatan", null);
            UUID puskesmas = MonitoringRows.unit(jdbc, "PKM-TOBADAK", "Puskesmas Tobadak", dinkes);
            UUID disdik = MonitoringRows.unit(jdbc, "DISDIK", "Dinas Pendidikan", null);
            UUID bappeda = MonitoringRows.unit(jdbc, "BAPPEDA", "Bappeda", null);
            jdbc.sql(
                            TenantSql.of(
                                    "insert into {local_holiday} (id, date, name, unit_id) values (?, ?, 'Hari jadi sekolah', ?)"))
                    .params(UUID.randomUUID(), TODAY, disdik)
                    .update();

            checkIn(report(MonitoringRows.person(jdbc, "Ana", dinkes), true), "WFO", 12);
            checkIn(report(MonitoringRows.person(jdbc, "Beni", dinkes), false), "WFA", 0, "MOCK_LOCATION");
            MonitoringRows.absence(
                    jdbc, MonitoringRows.person(jdbc, "Cici", dinkes), "SAKIT", TODAY, TODAY, "APPROVED");
            MonitoringRows.person(jdbc, "Dodi", dinkes);

            checkIn(MonitoringRows.person(jdbc, "Eka", puskesmas), "DL", 0);
            MonitoringRows.absence(
                    jdbc,
                    MonitoringRows.person(jdbc, "Fani", puskesmas),
                    "CUTI",
                    MONDAY,
                    TODAY.plusDays(1),
                    "APPROVED");
            MonitoringRows.person(jdbc, "Gita", puskesmas);
            jdbc.sql(TenantSql.of("update {employee} set status = 'RETIRED' where id = ?"))
                    .param(MonitoringRows.person(jdbc, "Hana", puskesmas))
                    .update();
            jdbc.sql(TenantSql.of("update {employee} set start_date = ? where id = ?"))
                    .params(LocalDate.parse("2026-02-01"), MonitoringRows.person(jdbc, "Indra", puskesmas))
                    .update();

            MonitoringRows.person(jdbc, "Joko", disdik);
            checkIn(MonitoringRows.person(jdbc, "Kiki", disdik), "WFO", 0);

            UUID hadi = MonitoringRows.person(jdbc, "Hadi", bappeda);
            jdbc.sql(TenantSql.of("update {org_unit} set head_employee_id = ? where id = ?"))
                    .params(hadi, bappeda)
                    .update();
            checkIn(hadi, "WFO", 0);
            MonitoringRows.absence(jdbc, MonitoringRows.person(jdbc, "Lina", bappeda), "IZIN", TODAY, TODAY, "PENDING");
        });
    }

    @AfterEach
    void dropTenant() {
        TestTenants.remove(jdbc, registry, code);
    }

    @Test
    void thePemdasCountsEqualAHandCountWithTheSubUnitRolledIntoItsOpd() {
        LiveView.View pemda = as(() -> live.today(tenant, leader(), null));

        assertThat(pemda.day()).isEqualTo(TODAY);
        assertThat(pemda.people()).isNull();
        assertThat(pemda.units()).extracting(LiveView.UnitRow::code).containsExactly("BAPPEDA", "DINKES", "DISDIK");
        // expected, checked in (wfo, wfa, dl), late, excused (izin, sakit, cuti, dl), not yet in, absent, flagged,
        // reports
        assertThat(row(pemda, "DINKES")).isEqualTo(new Counts(7, 3, 1, 1, 1, 1, 2, 0, 1, 1, 0, 2, 0, 1, 6, 1));
        assertThat(row(pemda, "DISDIK"))
                .as("a local holiday: nobody expected; a check-in still counts")
                .isEqualTo(new Counts(0, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0));
        assertThat(row(pemda, "BAPPEDA"))
                .as("a pending izin excuses nothing")
                .isEqualTo(new Counts(2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 2, 0));
        assertThat(pemda.total()).isEqualTo(new Counts(9, 5, 3, 1, 1, 1, 2, 0, 1, 1, 0, 3, 0, 1, 10, 1));

        LiveView.View dinkes = as(() -> live.today(tenant, leader(), "DINKES"));
        assertThat(dinkes.total()).isEqualTo(row(pemda, "DINKES"));
        assertThat(dinkes.units()).singleElement().satisfies(u -> {
            assertThat(u.code()).isEqualTo("PKM-TOBADAK");
            assertThat(u.counts()).isEqualTo(new Counts(3, 1, 0, 0, 1, 0, 1, 0, 0, 1, 0, 1, 0, 0, 2, 0));
        });
        assertThat(dinkes.people())
                .extracting(LiveView.PersonRow::name, LiveView.PersonRow::standing)
                .containsExactly(
                        tuple("Ana", "WFO"),
                        tuple("Beni", "WFA"),
                        tuple("Cici", "EXCUSED"),
                        tuple("Dodi", "NOT_YET_IN"));
        assertThat(dinkes.people())
                .filteredOn(p -> p.name().equals("Ana"))
                .singleElement()
                .satisfies(p -> assertThat(p.minutesLate()).isEqualTo(12));

        LiveView.View puskesmas = as(() -> live.today(tenant, leader(), "PKM-TOBADAK"));
        assertThat(puskesmas.path()).extracting(LiveView.Step::code).containsExactly("DINKES");
        assertThat(puskesmas.people())
                .extracting(LiveView.PersonRow::standing)
                .containsExactly("DINAS_LUAR", "EXCUSED", "NOT_YET_IN", "OFF", "OFF");
    }

    @Test
    void onceTheCheckInWindowClosesThoseNotYetInAreAbsent() {
        switches.change(code, AttendanceModule.ID, true, Map.of("checkInWindow", "06:00-09:00"), "test");

        LiveView.View pemda = as(() -> live.today(tenant, leader(), null));

        assertThat(pemda.total().notYetIn()).isZero();
        assertThat(pemda.total().absent()).isEqualTo(3);
        assertThat(pemda.total().excused()).isEqualTo(2);
    }

    @Test
    void theTenantAdminSeesCountsOnlyAndTheHeadOfAUnitOnlyTheirs() {
        LiveView.View admin = as(() -> live.today(tenant, caller("admin", "tenant-admin"), "DINKES"));
        assertThat(admin.total())
                .isEqualTo(as(() -> live.today(tenant, leader(), "DINKES")).total());
        assertThat(admin.people()).isNull();

        LiveView.View hadi = as(() -> live.today(tenant, caller("hadi"), null));
        assertThat(hadi.units()).extracting(LiveView.UnitRow::code).containsExactly("BAPPEDA");
        assertThat(hadi.total().expected()).isEqualTo(2);
        assertThat(as(() -> live.today(tenant, caller("hadi"), "BAPPEDA")).people())
                .extracting(LiveView.PersonRow::name)
                .containsExactly("Hadi", "Lina");
        assertThatThrownBy(() -> as(() -> live.today(tenant, caller("hadi"), "DINKES")))
                .isInstanceOf(Problem.class)
                .hasMessageContaining("Dinas Kesehatan is not one of them");

        assertThatThrownBy(() -> as(() -> live.today(tenant, caller("lina", "asn"), null)))
                .isInstanceOf(Problem.class)
                .hasMessageContaining("Monitoring is for leaders");
        assertThatThrownBy(() -> as(() -> live.today(tenant, leader(), "NOPE")))
                .isInstanceOf(Problem.class)
                .hasMessageContaining("no unit with the code NOPE");
    }

    private static Counts row(LiveView.View view, String unit) {
        return view.units().stream()
                .filter(u -> u.code().equals(unit))
                .findFirst()
                .orElseThrow()
                .counts();
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

    private void checkIn(UUID employee, String mode, int minutesLate, String... flags) {
        MonitoringRows.checkIn(jdbc, employee, TODAY, mode, minutesLate, flags);
    }

    /** Monday's report: a day with an activity, or a day opened and left empty. */
    private UUID report(UUID employee, boolean withActivity) {
        UUID day = UUID.randomUUID();
        jdbc.sql(TenantSql.of(
                        "insert into {report_day} (id, employee_id, work_date, status) values (?, ?, ?, 'PENDING')"))
                .params(day, employee, MONDAY)
                .update();
        if (withActivity) {
            jdbc.sql(TenantSql.of(
                            "insert into {report_activity} (id, day_id, description, quantity, unit, minutes, created_at)"
                                    + " values (?, ?, 'Rapat', 1, 'kegiatan', 60, now())"))
                    .params(UUID.randomUUID(), day)
                    .update();
        }
        return employee;
    }
}
