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
 * The virtual apel of a pemda with two OPD and one office: scheduled by the admin, confirmed from phones inside and
 * outside the window and the geofence (Thursday is a WFA day, so anywhere counts then), ranked per OPD with a sub-unit
 * rolled up, and reported on by the head of an OPD.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class ApelTest {

    static final double OFFICE_LAT = -1.7356;
    static final double OFFICE_LON = 119.5461;
    static final Apels.Position AT_THE_OFFICE = new Apels.Position(OFFICE_LAT + 0.0002, OFFICE_LON, 10);
    static final Apels.Position AT_HOME = new Apels.Position(OFFICE_LAT + 0.05, OFFICE_LON, 10); // about 5.6 km away

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
    }

    @Autowired
    Apels apels;

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
    final Caller admin = new Caller("r", "s", "admin", Set.of("tenant-admin"));

    @BeforeEach
    void aPemdaWithAnOffice() {
        code = TestTenants.migrated(registry, migrator, "apel"); // WITA (UTC+8)
        tenant = registry.require(code);
        switches.change(code, AttendanceModule.ID, true, Map.of(), "test");
        switches.change(code, "fwa", true, Map.of(), "test");
        switches.change(code, MonitoringModule.ID, true, Map.of(), "test");
        TenantContext.runAs(code, () -> {
            UUID dinkes = MonitoringRows.unit(jdbc, "DINKES", "Dinas Kesehatan", null);
            UUID puskesmas = MonitoringRows.unit(jdbc, "PKM", "Puskesmas Tobadak", dinkes);
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
            person("ana", "Ana", dinkes);
            person("beni", "Beni", puskesmas);
            UUID hadi = person("hadi", "Hadi", bappeda);
            person("lina", "Lina", bappeda);
            jdbc.sql(TenantSql.of("update {org_unit} set head_employee_id = ? where id = ?"))
                    .params(hadi, bappeda)
                    .update();
            // Thursdays are WFA days under the tenant's flexible-work policy.
            jdbc.sql(TenantSql.of(
                            "insert into {fwa_policy_version} (id, effective_from, enabled, wfa_weekdays, created_by, created_at)"
                                    + " values (?, '2025-12-01', true, 'THURSDAY', 'test', now())"))
                    .param(UUID.randomUUID())
                    .update();
        });
    }

    @AfterEach
    void dropTenant() {
        TestTenants.remove(jdbc, registry, code);
    }

    @Test
    void staffConfirmInsideTheWindowAndTheGeofenceAndEachOpdIsRanked() {
        clock.set("2026-01-05T07:00:00+08:00"); // Monday
        Apels.Apel monday = as(() ->
                apels.schedule(tenant, admin, new Apels.NewApel("Apel pagi Senin", "monday", null, "07:30", 30, true)));
        assertThat(monday.weekday()).isEqualTo("MONDAY");

        assertProblem(
                () -> apels.confirm(tenant, "ana", monday.id(), AT_THE_OFFICE),
                "Presence at Apel pagi Senin is confirmed from 07:30 to 08:00; it is 07:00.");
        clock.set("2026-01-05T07:40:00+08:00");
        Apels.Confirmation ana = as(() -> apels.confirm(tenant, "ana", monday.id(), AT_THE_OFFICE));
        assertThat(ana.workMode()).isEqualTo("WFO");
        assertThat(ana.already()).isFalse();
        assertThat(as(() -> apels.confirm(tenant, "ana", monday.id(), AT_THE_OFFICE))
                        .already())
                .as("a second tap")
                .isTrue();
        assertProblem(() -> apels.confirm(tenant, "beni", monday.id(), AT_HOME), "Today is an office day");
        as(() -> apels.confirm(tenant, "beni", monday.id(), AT_THE_OFFICE));
        as(() -> apels.confirm(tenant, "lina", monday.id(), AT_THE_OFFICE));

        Apels.Ranking ranking = as(() -> apels.ranking(tenant, monday.id()));
        assertThat(ranking.open()).isTrue();
        assertThat(ranking.opds())
                .extracting(
                        Apels.OpdStanding::code,
                        Apels.OpdStanding::expected,
                        Apels.OpdStanding::confirmed,
                        Apels.OpdStanding::percent)
                .containsExactly(tuple("DINKES", 2, 2, 100), tuple("BAPPEDA", 2, 1, 50));
        assertThat(ranking.confirmed()).isEqualTo(3);

        clock.set("2026-01-05T08:01:00+08:00");
        assertProblem(
                () -> apels.confirm(tenant, "hadi", monday.id(), AT_THE_OFFICE), "from 07:30 to 08:00; it is 08:01");
        clock.set("2026-01-06T07:40:00+08:00"); // Tuesday
        assertProblem(() -> apels.confirm(tenant, "hadi", monday.id(), AT_THE_OFFICE), "is not held today");
    }

    @Test
    void onAWfaDayPresenceCountsFromAnywhere() {
        clock.set("2026-01-08T07:35:00+08:00"); // Thursday, a WFA day
        Apels.Apel once = as(() -> apels.schedule(
                tenant,
                admin,
                new Apels.NewApel("Apel Hari Amal Bakti", null, LocalDate.parse("2026-01-08"), "07:30", 30, false)));
        Apels.Confirmation beni = as(() -> apels.confirm(tenant, "beni", once.id(), AT_HOME));
        assertThat(beni.workMode()).isEqualTo("WFA");
    }

    @Test
    void onlyTheAdminSchedulesWithEveryMistakeNamedAndOnlyTheHeadReportsForTheirOpd() {
        clock.set("2026-01-05T07:40:00+08:00");
        assertProblem(
                () -> apels.schedule(
                        tenant,
                        new Caller("r", "s", "bkd", Set.of("bkd")),
                        new Apels.NewApel("Apel", "MONDAY", null, "07:30", 30, true)),
                "Only the tenant admin");
        assertProblem(
                () -> apels.schedule(
                        tenant,
                        admin,
                        new Apels.NewApel(" ", "MONDAY", LocalDate.parse("2026-01-01"), "7.30", 1, true)),
                "title: 1 to 200 characters; weekday or date: one of them (every week on a weekday, or once on a"
                        + " date); date: today or later; startsAt: a time as HH:MM, e.g. 07:30; windowMinutes: 5 to 180. Nothing was scheduled.");
        assertThat(as(() -> apels.scheduled())).isEmpty();

        Apels.Apel monday = as(
                () -> apels.schedule(tenant, admin, new Apels.NewApel("Apel pagi", "MONDAY", null, "07:30", 30, true)));
        assertProblem(
                () -> apels.report(
                        tenant, new Caller("r", "s", "lina", Set.of("asn")), monday.id(), "BAPPEDA", "Semua hadir"),
                "Only the head of BAPPEDA");
        as(() -> {
            apels.report(
                    tenant,
                    new Caller("r", "s", "hadi", Set.of("asn")),
                    monday.id(),
                    "BAPPEDA",
                    "Dua staf dinas luar ke Mamuju");
            return null;
        });
        assertThat(as(() -> apels.ranking(tenant, monday.id())).opds())
                .filteredOn(o -> o.code().equals("BAPPEDA"))
                .singleElement()
                .satisfies(o -> assertThat(o.report()).isEqualTo("Dua staf dinas luar ke Mamuju"));
    }

    private void assertProblem(Runnable work, String detail) {
        assertThatThrownBy(() -> as(() -> {
                    work.run();
                    return null;
                }))
                .isInstanceOf(Problem.class)
                .hasMessageContaining(detail);
    }

    private <T> T as(Supplier<T> work) {
        return TenantContext.callAs(code, work);
    }

    private UUID person(String username, String name, UUID unit) {
        UUID id = UUID.randomUUID();
        jdbc.sql(
                        TenantSql.of(
                                "insert into {employee} (id, name, employment_type, unit_id, status, username, realm_user_id,"
                                        + " created_at, updated_at) values (?, ?, 'PNS', ?, 'ACTIVE', ?, ?, '2025-01-01', now())"))
                .params(id, name, unit, username, UUID.randomUUID().toString())
                .update();
        return id;
    }
}
