package id.fleksi.modules.attendance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.fleksi.modules.attendance.internal.GeofenceTest;
import id.fleksi.modules.attendance.internal.ReviewList;
import id.fleksi.platform.migration.TenantMigrator;
import id.fleksi.platform.modules.ModuleSwitches;
import id.fleksi.platform.problem.Problem;
import id.fleksi.platform.tenancy.TenantCode;
import id.fleksi.platform.tenancy.TenantContext;
import id.fleksi.platform.tenancy.TenantRegistry;
import id.fleksi.platform.testing.TestClock;
import id.fleksi.platform.testing.TestDatabase;
import id.fleksi.platform.testing.TestMessages;
import id.fleksi.platform.testing.TestTenants;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A phone whose location is denied (issue 19, item 5): on a WFA day it still checks in, without coordinates, flagged
 * NO_LOCATION for the supervisor's review; on an office day it is refused in words that say how to go on, and nothing is
 * stored. A fix is all three of latitude, longitude and accuracy, or none.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class CheckInWithoutFixTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
    }

    @TestConfiguration
    static class Clocks {
        @Bean
        @Primary
        TestClock testClock() {
            return new TestClock("2026-01-05T00:00:00Z");
        }
    }

    static final String NIP = "198503122010012004";
    static final String BOSS = "197001012000031001";

    @Autowired
    CheckIns checkIns;

    @Autowired
    ReviewList reviews;

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

    TenantCode tenant;

    @BeforeEach
    void tenantWithAnOfficeAndWfaThursdays() {
        tenant = TestTenants.migrated(registry, migrator, "nofix"); // WITA (UTC+8)
        switches.change(tenant, AttendanceModule.ID, true, Map.of(), "test");
        String s = tenant.schemaName();
        UUID unit = UUID.randomUUID();
        UUID office = UUID.randomUUID();
        UUID boss = UUID.randomUUID();
        jdbc.sql("insert into " + s
                        + ".org_unit (id, code, name, kind) values (?, 'DISKOMINFO', 'Diskominfo', 'DINAS')")
                .param(unit)
                .update();
        jdbc.sql(
                        "insert into " + s
                                + ".office (id, name, latitude, longitude, radius_metres) values (?, 'Kantor Bupati', ?, ?, 100)")
                .param(office)
                .param(GeofenceTest.OFFICE.latitude())
                .param(GeofenceTest.OFFICE.longitude())
                .update();
        jdbc.sql("insert into " + s + ".office_unit (office_id, unit_id) values (?, ?)")
                .param(office)
                .param(unit)
                .update();
        for (String nip : new String[] {BOSS, NIP}) {
            jdbc.sql(
                            "insert into " + s
                                    + ".employee (id, nip, name, employment_type, unit_id, supervisor_id, status, username,"
                                    + " realm_user_id, created_at, updated_at) values (?, ?, ?, 'PNS', ?, ?, 'ACTIVE', ?, ?, now(), now())")
                    .param(nip.equals(BOSS) ? boss : UUID.randomUUID())
                    .param(nip)
                    .param(nip.equals(BOSS) ? "Andi" : "Siti")
                    .param(unit)
                    .param(nip.equals(BOSS) ? null : boss)
                    .param(nip)
                    .param(UUID.randomUUID().toString())
                    .update();
        }
        switches.change(tenant, "fwa", true, Map.of(), "test");
        jdbc.sql("insert into " + s
                        + ".fwa_policy_version (id, effective_from, enabled, wfa_weekdays, created_by, created_at)"
                        + " values (?, date '2026-01-01', true, 'THURSDAY', 'test', now())")
                .param(UUID.randomUUID())
                .update();
    }

    @AfterEach
    void dropTenant() {
        TestTenants.remove(jdbc, registry, tenant);
    }

    @Test
    void onAWfaDayAPressWithoutAFixIsRecordedFlaggedForReviewAndTheNextFixIsJudgedAsUsual() {
        clock.set("2026-01-08T07:25:00+08:00"); // Thursday: WFA
        assertThat(TenantContext.callAs(tenant, () -> checkIns.takesNoFixToday(NIP)))
                .isTrue();

        CheckIns.Submitted thursday = submit(withoutFix(CheckInRequest.Kind.IN));

        assertThat(thursday.created()).isTrue();
        assertThat(thursday.record().workMode()).isEqualTo("WFA");
        assertThat(thursday.record().officeId()).isNull();
        assertThat(thursday.record().distanceMetres()).isNull();
        assertThat(thursday.record().flags()).containsExactly(LocationFlag.NO_LOCATION);
        assertThat(jdbc.sql("select count(*) from " + tenant.schemaName()
                                + ".attendance_check_in where latitude is null"
                                + " and longitude is null and accuracy_metres is null and flags = '{NO_LOCATION}'")
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
        assertThat(TenantContext.callAs(
                        tenant,
                        () -> reviews.between(LocalDate.parse("2026-01-01"), LocalDate.parse("2026-01-31"), BOSS)))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.username()).isEqualTo(NIP);
                    assertThat(e.flags()).containsExactly(LocationFlag.NO_LOCATION);
                    assertThat(e.distance()).isNull();
                });
        // The check-out without a fix the same day, too; the next day's fix at the office raises nothing (no travel
        // from nowhere).
        clock.set("2026-01-08T16:05:00+08:00");
        assertThat(submit(withoutFix(CheckInRequest.Kind.OUT)).record().flags())
                .containsExactly(LocationFlag.NO_LOCATION);
        clock.set("2026-01-09T07:20:00+08:00");
        CheckIns.Submitted friday = submit(new CheckInRequest(
                CheckInRequest.Kind.IN,
                GeofenceTest.north(20).latitude(),
                GeofenceTest.north(20).longitude(),
                10.0,
                "req-" + UUID.randomUUID(),
                null,
                false,
                "phone-1"));
        assertThat(friday.record().workMode()).isEqualTo("WFO");
        assertThat(friday.record().flags()).isEmpty();
    }

    @Test
    void onAnOfficeDayAPressWithoutAFixIsRefusedWithTheWayForwardAndNothingIsStored() {
        clock.set("2026-01-09T07:25:00+08:00"); // Friday: an office day
        assertThat(TenantContext.callAs(tenant, () -> checkIns.takesNoFixToday(NIP)))
                .isFalse();

        assertThatThrownBy(() -> submit(withoutFix(CheckInRequest.Kind.IN)))
                .isInstanceOfSatisfying(Problem.class, p -> {
                    assertThat(p.type()).isEqualTo("location-required");
                    assertThat(p.kind()).isEqualTo(Problem.Kind.UNPROCESSABLE);
                    assertThat(p.detailFor(CheckInsTest.PROBLEMS, TestMessages.INDONESIAN))
                            .isEqualTo(
                                    "Hari ini hari kerja di kantor:"
                                            + " presensi memerlukan lokasi ponsel untuk menemukan kantor. Izinkan lokasi untuk situs ini di peramban (atau"
                                            + " nyalakan lokasi ponsel) lalu coba lagi, atau minta atasan mencatat izin. Tidak ada yang dicatat.");
                });
        assertThatThrownBy(() -> submit(new CheckInRequest(
                        CheckInRequest.Kind.IN,
                        GeofenceTest.OFFICE.latitude(),
                        null,
                        null,
                        "req-" + UUID.randomUUID(),
                        null,
                        false,
                        "phone-1")))
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.type()).isEqualTo("partial-location"));
        assertThat(jdbc.sql("select count(*) from " + tenant.schemaName() + ".attendance_check_in")
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    private CheckIns.Submitted submit(CheckInRequest request) {
        return TenantContext.callAs(tenant, () -> checkIns.submit(NIP, request));
    }

    private static CheckInRequest withoutFix(CheckInRequest.Kind kind) {
        return new CheckInRequest(kind, null, null, null, "req-" + UUID.randomUUID(), null, false, "phone-1");
    }
}
