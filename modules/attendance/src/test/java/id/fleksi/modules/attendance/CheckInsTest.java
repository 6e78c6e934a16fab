package id.fleksi.modules.attendance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.fleksi.modules.attendance.internal.DailyRecap;
import id.fleksi.modules.attendance.internal.GeofenceTest;
import id.fleksi.modules.attendance.internal.ReviewList;
import id.fleksi.modules.fwa.FwaRequests;
import id.fleksi.platform.calendar.TimeWindow;
import id.fleksi.platform.migration.TenantMigrator;
import id.fleksi.platform.modules.ModuleSwitches;
import id.fleksi.platform.organisation.GeoPoint;
import id.fleksi.platform.problem.Problem;
import id.fleksi.platform.tenancy.TenantCode;
import id.fleksi.platform.tenancy.TenantContext;
import id.fleksi.platform.tenancy.TenantRegistry;
import id.fleksi.platform.testing.TestClock;
import id.fleksi.platform.testing.TestDatabase;
import id.fleksi.platform.testing.TestMessages;
import id.fleksi.platform.testing.TestTenants;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class CheckInsTest {

    /** The attendance problems' Indonesian texts. */
    static final MessageSource PROBLEMS = TestMessages.of("i18n/attendance-problems");

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

    @Autowired
    CheckIns checkIns;

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
    UUID employee;

    @BeforeEach
    void tenantWithAnOffice() {
        tenant = TestTenants.migrated(registry, migrator, "att"); // WITA (UTC+8)
        // These tests check in at any hour and count lateness from the schedule's start: the day open, no tolerance
        // (the
        // defaults of new tenants are checked by checkInAndCheckOutAreTakenOnlyInsideTheTenantsWindowsOnWorkingDays).
        switches.change(
                tenant,
                AttendanceModule.ID,
                true,
                Map.of("checkInWindow", "00:00-23:59", "checkOutWindow", "00:00-23:59", "latenessToleranceMinutes", 0),
                "test");
        String s = tenant.schemaName();
        UUID unit = UUID.randomUUID();
        UUID office = UUID.randomUUID();
        employee = UUID.randomUUID();
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
        jdbc.sql("insert into " + s
                        + ".employee (id, nip, name, employment_type, unit_id, status, username, realm_user_id,"
                        + " created_at, updated_at) values (?, ?, 'Siti', 'PNS', ?, 'ACTIVE', ?, ?, now(), now())")
                .param(employee)
                .param(NIP)
                .param(unit)
                .param(NIP)
                .param(UUID.randomUUID().toString())
                .update();
        // Thursdays are WFA days under the tenant's flexible-work policy.
        switches.change(tenant, "fwa", true, Map.of(), "test");
        wfaPolicy("2026-01-01", "THURSDAY");
    }

    private void wfaPolicy(String from, String weekdays) {
        jdbc.sql("insert into " + tenant.schemaName()
                        + ".fwa_policy_version (id, effective_from, enabled, wfa_weekdays, created_by,"
                        + " created_at) values (?, cast(? as date), true, ?, 'test', now())")
                .param(UUID.randomUUID())
                .param(from)
                .param(weekdays)
                .update();
    }

    @AfterEach
    void dropTenant() {
        TestTenants.remove(jdbc, registry, tenant);
    }

    @Test
    void aTenantThatUsedAttendanceBeforeTheWindowDefaultsKeepsItsOpenDayAndWhatItSetItself() throws Exception {
        TenantCode older = TestTenants.register(registry, "attwin");
        try {
            migrator.createAsOf(
                    older,
                    migrator.knownChangeSets().stream()
                            .filter(id -> !fromAttendance(id, 13))
                            .collect(java.util.stream.Collectors.toCollection(java.util.LinkedHashSet::new)));
            jdbc.sql("insert into " + older.schemaName()
                            + ".tenant_module (module_id, enabled, settings, updated_at, updated_by)"
                            + " values ('attendance', true, '{\"checkOutWindow\": \"15:00-19:00\"}', now(), 'admin')")
                    .update();

            migrator.migrate(older);

            assertThat(switches.settings(older, AttendanceModule.ID, AttendanceSettings.class))
                    .isEqualTo(new AttendanceSettings(
                            12, 0, 365, TimeWindow.parse("00:00-23:59"), TimeWindow.parse("15:00-19:00")));
        } finally {
            TestTenants.remove(jdbc, registry, older);
        }
    }

    @Test
    void flagsStoredAsTextByAnEarlierReleaseBecomeArraysAndAWorkModeOutsideTheEnumIsRefused() throws Exception {
        TenantCode older = TestTenants.register(registry, "attold");
        try {
            // The schema as the release before text[] flags left it (a bundle's), holding its check-ins, then migrated.
            migrator.createAsOf(
                    older,
                    migrator.knownChangeSets().stream()
                            .filter(id -> !fromAttendance(id, 10))
                            .collect(java.util.stream.Collectors.toCollection(java.util.LinkedHashSet::new)));
            String s = older.schemaName();
            UUID unit = UUID.randomUUID();
            UUID siti = UUID.randomUUID();
            jdbc.sql("insert into " + s
                            + ".org_unit (id, code, name, kind) values (?, 'DISKOMINFO', 'Diskominfo', 'DINAS')")
                    .param(unit)
                    .update();
            jdbc.sql("insert into " + s
                            + ".employee (id, nip, name, employment_type, unit_id, status, username, realm_user_id,"
                            + " created_at, updated_at) values (?, ?, 'Siti', 'PNS', ?, 'ACTIVE', ?, ?, now(), now())")
                    .param(siti)
                    .param(NIP)
                    .param(unit)
                    .param(NIP)
                    .param(UUID.randomUUID().toString())
                    .update();
            for (String[] row : new String[][] {{"IN", "MOCK_LOCATION,TOO_PERFECT"}, {"OUT", ""}}) {
                jdbc.sql(
                                "insert into " + s
                                        + ".attendance_check_in (id, client_request_id, employee_id, work_date, kind, work_mode,"
                                        + " recorded_at, captured_at, offline, latitude, longitude, accuracy_metres, flags)"
                                        + " values (?, ?, ?, date '2026-01-05', ?, 'WFO', now(), now(), false, -2.68, 118.89, 10, ?)")
                        .params(UUID.randomUUID(), "old-" + row[0], siti, row[0], row[1])
                        .update();
            }

            migrator.migrate(older);

            assertThat(jdbc.sql("select kind || ' ' || flags::text from " + s + ".attendance_check_in order by kind")
                            .query(String.class)
                            .list())
                    .containsExactly("IN {MOCK_LOCATION,TOO_PERFECT}", "OUT {}");
            assertThatThrownBy(() -> jdbc.sql("update " + s + ".attendance_check_in set work_mode = 'HOME'")
                            .update())
                    .hasMessageContaining("ck_check_in_work_mode");
        } finally {
            TestTenants.remove(jdbc, registry, older);
        }
    }

    @Test
    void insideTheGeofenceOnAnOfficeDayIsRecordedWithItsDistanceAndLateness() {
        at("2026-01-05T07:20:00+08:00"); // Monday, 07:20 WITA

        CheckIns.Submitted done = submit(in(GeofenceTest.north(50), 10));

        assertThat(done.created()).isTrue();
        assertThat(done.record().workMode()).isEqualTo("WFO");
        assertThat(done.record().distanceMetres()).isBetween(49, 51);
        assertThat(done.record().minutesLate()).isZero();
        assertThat(done.record().workDate()).hasToString("2026-01-05");
    }

    @Test
    void outsideOrOnlyVaguelyInsideIsRefusedWithTheDistanceAndNothingStored() {
        at("2026-01-05T07:20:00+08:00");

        assertThatThrownBy(() -> submit(in(GeofenceTest.north(340), 15))).isInstanceOfSatisfying(Problem.class, p -> {
            assertThat(p.kind()).isEqualTo(Problem.Kind.UNPROCESSABLE);
            assertThat(p.getMessage())
                    .contains("You are 340 m from Kantor Bupati", "reaches 100 m", "accuracy is 15 m");
            // What the ASN reads on the page: Bahasa Indonesia, with the same figures.
            assertThat(p.detailFor(PROBLEMS, TestMessages.INDONESIAN))
                    .isEqualTo("Anda berada 340 m dari Kantor Bupati"
                            + " (batas areanya 100 m; akurasi ponsel Anda 15 m). Hari ini hari kerja di kantor: lakukan presensi dari"
                            + " kantor. Tidak ada yang dicatat.");
        });
        // From afar the distance is said in kilometres, with the reader's decimal comma.
        assertThatThrownBy(() -> submit(in(GeofenceTest.north(127_760), 15)))
                .isInstanceOfSatisfying(Problem.class, p -> {
                    assertThat(p.getMessage()).contains("You are 127.8 km from Kantor Bupati");
                    assertThat(p.detailFor(PROBLEMS, TestMessages.INDONESIAN))
                            .startsWith("Anda berada 127,8 km dari Kantor Bupati"
                                    + " (batas areanya 100 m; akurasi ponsel Anda 15 m).");
                });
        assertThatThrownBy(() -> submit(in(GeofenceTest.north(110), 20))).isInstanceOf(Problem.class);
        assertThatThrownBy(() -> submit(in(GeofenceTest.OFFICE, 500))).isInstanceOf(Problem.class);
        assertThat(submit(in(GeofenceTest.north(95), 20)).created()).isTrue();
        assertThat(count()).isEqualTo(1);
    }

    @Test
    void onAWfaDayAnywhereIsRecordedAndTheDayAfterItIsNot() {
        at("2026-01-08T07:25:00+08:00"); // Thursday: WFA for this employee
        GeoPoint home = new GeoPoint(-2.6748, 118.8885); // Mamuju, 127 km away

        CheckIns.Submitted thursday = submit(in(home, 15));
        at("2026-01-09T07:25:00+08:00"); // Friday: an office day

        assertThat(thursday.record().workMode()).isEqualTo("WFA");
        assertThat(thursday.record().officeId()).isNull();
        assertThatThrownBy(() -> submit(in(home, 15))).hasMessageContaining("Today is an office day");
    }

    @Test
    void theSameRequestIdTwiceOrTwentyTimesAtOnceMakesOneRecord() throws Exception {
        at("2026-01-05T07:20:00+08:00");
        CheckInRequest request = in(GeofenceTest.north(20), 10);

        assertThat(submit(request).created()).isTrue();
        assertThat(submit(request).created()).isFalse();

        CheckInRequest burst = new CheckInRequest(
                CheckInRequest.Kind.OUT,
                request.latitude(),
                request.longitude(),
                10.0,
                "burst-" + UUID.randomUUID(),
                null,
                false,
                "phone-1");
        at("2026-01-05T16:05:00+08:00");
        ExecutorService pool = Executors.newFixedThreadPool(20);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<CheckIns.Submitted>> results = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            results.add(pool.submit(() -> {
                start.await();
                return submit(burst);
            }));
        }
        start.countDown();
        int created = 0;
        for (Future<CheckIns.Submitted> result : results) {
            created += result.get().created() ? 1 : 0;
        }
        pool.shutdown();

        assertThat(created).isEqualTo(1);
        assertThat(count()).isEqualTo(2);

        // The same for a check-in: a press sent twenty times at once is one check-in, never "already checked in".
        at("2026-01-06T07:20:00+08:00");
        CheckInRequest morning = in(GeofenceTest.north(20), 10);
        assertThat(burst(morning, 20)).isEqualTo(1);
        assertThat(count()).isEqualTo(3);
    }

    /** Sends {@code request} {@code times} times at once; how many were created (each of the others answered as a repeat). */
    private int burst(CheckInRequest request, int times) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(times);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<CheckIns.Submitted>> results = new ArrayList<>();
            for (int i = 0; i < times; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return submit(request);
                }));
            }
            start.countDown();
            int created = 0;
            for (Future<CheckIns.Submitted> result : results) {
                created += result.get().created() ? 1 : 0;
            }
            return created;
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void anOfflineCaptureIsJudgedByItsCaptureTimeWithinTheWindowOnly() {
        at("2026-01-05T11:00:00+08:00");

        CheckIns.Submitted offline = submit(capturedAt(in(GeofenceTest.north(30), 10), "2026-01-05T07:40:00+08:00"));
        assertThat(offline.record().offline()).isTrue();
        assertThat(offline.record().minutesLate()).isEqualTo(10);

        at("2026-01-06T20:00:00+08:00");
        assertThatThrownBy(() -> submit(capturedAt(in(GeofenceTest.north(30), 10), "2026-01-06T07:30:00+08:00")))
                .hasMessageContaining("captured 12 hours ago", "accepted for 12 hours");
        assertThatThrownBy(() -> submit(capturedAt(in(GeofenceTest.north(30), 10), "2026-01-06T20:10:00+08:00")))
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.kind()).isEqualTo(Problem.Kind.BAD_REQUEST));
    }

    @Test
    void latenessFollowsTheScheduleTheToleranceAndTheTenantsTimeZone() {
        at("2026-01-05T08:05:00+08:00"); // Monday 08:05 WITA: 35 minutes after 07:30
        assertThat(submit(in(GeofenceTest.north(10), 5)).record().minutesLate()).isEqualTo(35);

        switches.change(tenant, AttendanceModule.ID, null, Map.of("latenessToleranceMinutes", 30), "test");
        at("2026-01-06T08:05:00+08:00");
        assertThat(submit(in(GeofenceTest.north(10), 5)).record().minutesLate()).isEqualTo(5);

        at("2026-01-09T07:00:00+08:00"); // Friday
        submit(in(GeofenceTest.north(10), 5));
        at("2026-01-09T16:00:00+08:00"); // Friday ends 16:30
        CheckIns.Submitted early = submit(out(GeofenceTest.north(10), 5));
        assertThat(early.record().minutesEarly()).isEqualTo(30);
        at("2026-01-09T16:40:00+08:00"); // a later check-out replaces the earlier one
        assertThat(submit(out(GeofenceTest.north(10), 5)).record().minutesEarly())
                .isZero();
        assertThat(jdbc.sql("select count(*) from " + tenant.schemaName()
                                + ".attendance_check_in where kind = 'OUT' and not superseded")
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);

        // The same instant is 07:05 in a WIB tenant: on time there.
        jdbc.sql("update platform.tenant set time_zone = 'WIB' where code = ?")
                .param(tenant.value())
                .update();
        at("2026-01-12T00:05:00Z");
        assertThat(submit(in(GeofenceTest.north(10), 5)).record().minutesLate()).isZero();
    }

    @Test
    void outsideTheGeofenceIsAcceptedOnAnApprovedWfaDayAndRefusedTheDayAfter(@Autowired FwaRequests requests) {
        String boss = "197001012000031001";
        addEmployee(boss, null);
        reportTo(boss);
        at("2026-01-12T09:00:00+08:00");
        FwaRequests.Request asked = TenantContext.callAs(
                tenant,
                () -> requests.file(
                        NIP,
                        new FwaRequests.NewRequest(
                                java.time.LocalDate.parse("2026-01-13"),
                                java.time.LocalDate.parse("2026-01-13"),
                                null,
                                FwaRequests.Place.OTHER,
                                "Rumah orang tua, Mamuju")));
        TenantContext.callAs(tenant, () -> requests.decide(boss, asked.id(), true, null));
        GeoPoint mamuju = new GeoPoint(-2.6748, 118.8885);

        at("2026-01-13T07:25:00+08:00"); // Tuesday, the approved day
        assertThat(submit(in(mamuju, 15)).record().workMode()).isEqualTo("WFA");
        at("2026-01-14T07:25:00+08:00");
        assertThatThrownBy(() -> submit(in(mamuju, 15))).hasMessageContaining("Today is an office day");
    }

    @Test
    void onAHolidayNobodyIsLateAndInRamadanTheDayStartsAtEight() {
        at("2026-01-16T09:30:00+08:00"); // Friday 16 January: Isra Mikraj, a national holiday
        CheckIns.Submitted holiday = submit(in(GeofenceTest.north(10), 5));
        assertThat(holiday.record().minutesLate()).isZero();
        at("2026-01-16T11:00:00+08:00");
        assertThat(submit(out(GeofenceTest.north(10), 5)).record().minutesEarly())
                .isZero();

        jdbc.sql("insert into " + tenant.schemaName() + ".work_schedule (id, unit_id, kind, valid_from, valid_to, days)"
                        + " values (?, null, 'RAMADAN', '2026-02-18', '2026-03-19', cast(? as jsonb))")
                .param(UUID.randomUUID())
                .param("{\"MONDAY\":{\"start\":\"08:00\",\"end\":\"15:00\",\"breakMinutes\":30},"
                        + "\"TUESDAY\":{\"start\":\"08:00\",\"end\":\"15:00\",\"breakMinutes\":30},"
                        + "\"FRIDAY\":{\"start\":\"08:00\",\"end\":\"15:30\",\"breakMinutes\":60}}")
                .update();
        at("2026-02-23T07:55:00+08:00"); // Monday in Ramadan: 07:55 is early, not 25 minutes late
        assertThat(submit(in(GeofenceTest.north(10), 5)).record().minutesLate()).isZero();
        at("2026-02-23T15:00:00+08:00"); // Monday in Ramadan ends 15:00
        assertThat(submit(out(GeofenceTest.north(10), 5)).record().minutesEarly())
                .isZero();
        at("2026-02-24T08:10:00+08:00"); // Tuesday in Ramadan, 10 minutes after 08:00
        assertThat(submit(in(GeofenceTest.north(10), 5)).record().minutesLate()).isEqualTo(10);
        at("2026-02-16T07:20:00+08:00"); // cuti bersama Imlek, before Ramadan: no lateness, no geofence
        assertThat(submit(in(new GeoPoint(-2.6748, 118.8885), 15)).record().minutesLate())
                .isZero();
    }

    @Test
    void checkInAndCheckOutAreTakenOnlyInsideTheTenantsWindowsOnWorkingDays() {
        // A new tenant's settings: what a pemda commonly sets, check-in 06:00-12:00, check-out 14:00-18:00, 30 minutes'
        // tolerance.
        jdbc.sql("update " + tenant.schemaName() + ".tenant_module set settings = '{}' where module_id = 'attendance'")
                .update();
        assertThat(switches.settings(tenant, AttendanceModule.ID, AttendanceSettings.class))
                .isEqualTo(new AttendanceSettings(
                        12, 30, 365, TimeWindow.parse("06:00-12:00"), TimeWindow.parse("14:00-18:00")));
        at("2026-01-05T03:10:00+08:00");
        assertThatThrownBy(() -> submit(in(GeofenceTest.north(10), 5)))
                .isInstanceOfSatisfying(
                        Problem.class,
                        p -> assertThat(p.detailFor(PROBLEMS, java.util.Locale.forLanguageTag("id")))
                                .isEqualTo("Presensi masuk dibuka pukul"
                                        + " 06:00-12:00 pada hari kerja; saat itu pukul 03:10. Minta atasan mencatat izin bila Anda berhalangan."
                                        + " Tidak ada yang dicatat."));
        at("2026-01-05T12:30:00+08:00");
        assertThatThrownBy(() -> submit(in(GeofenceTest.north(10), 5))).isInstanceOfSatisfying(Problem.class, p -> {
            assertThat(p.kind()).isEqualTo(Problem.Kind.UNPROCESSABLE);
            assertThat(p.getMessage()).contains("Check-in is open 06:00-12:00 on working days; it was 12:30");
        });
        at("2026-01-05T08:10:00+08:00"); // the day starts at 07:30: 40 minutes after it, 10 past the tolerance
        assertThat(submit(in(GeofenceTest.north(10), 5)).record().minutesLate()).isEqualTo(10);
        at("2026-01-05T13:00:00+08:00");
        assertThatThrownBy(() -> submit(out(GeofenceTest.north(10), 5)))
                .hasMessageContaining("Check-out is open 14:00-18:00");
        at("2026-01-05T16:05:00+08:00");
        assertThat(submit(out(GeofenceTest.north(10), 5)).created()).isTrue();
        at("2026-01-16T13:00:00+08:00"); // Isra Mikraj: no window on a holiday
        assertThat(submit(in(GeofenceTest.north(10), 5)).created()).isTrue();
        assertThatThrownBy(
                        () -> switches.change(tenant, AttendanceModule.ID, null, Map.of("checkInWindow", "6-12"), "t"))
                .hasMessageContaining("settings.checkInWindow");
    }

    @Test
    void checkingOutBeforeCheckingInOrCheckingInTwiceIsRefused() {
        at("2026-01-05T07:20:00+08:00");
        assertThatThrownBy(() -> submit(out(GeofenceTest.north(10), 5)))
                .hasMessageContaining("check in before checking out");
        submit(in(GeofenceTest.north(10), 5));
        assertThatThrownBy(() -> submit(in(GeofenceTest.north(10), 5))).hasMessageContaining("already checked in");
    }

    @Test
    void anOrdinaryWeekRaisesNoFlag() {
        double[] wander = {0, 3, -4, 6, 2};
        for (int day = 0; day < 5; day++) {
            at("2026-01-0" + (5 + day) + "T07:20:00+08:00");
            GeoPoint fix = GeofenceTest.north(20 + wander[day]);
            assertThat(submit(withDevice(in(fix, 8 + day), "hp-siti")).record().flags())
                    .as("day %d", day)
                    .isEmpty();
        }
    }

    @Test
    void eachFlagIsRaisedByItsScenarioAndTheCheckInIsStillRecorded() {
        at("2026-01-05T07:20:00+08:00");
        CheckIns.Submitted mock = submit(new CheckInRequest(
                CheckInRequest.Kind.IN,
                GeofenceTest.north(20).latitude(),
                GeofenceTest.north(20).longitude(),
                8.0,
                "req-" + UUID.randomUUID(),
                null,
                true,
                "hp-siti"));
        assertThat(mock.created()).isTrue();
        assertThat(mock.record().flags()).containsExactly(LocationFlag.MOCK_LOCATION);

        at("2026-01-06T07:20:00+08:00");
        assertThat(submit(in(GeofenceTest.OFFICE, 130)).record().flags()).containsExactly(LocationFlag.POOR_ACCURACY);

        // Check-in at the office, then a check-out 20 minutes later from Jakarta, 1,500 km away.
        at("2026-01-07T07:20:00+08:00");
        submit(in(GeofenceTest.north(20), 8));
        wfaPolicy("2026-01-07", "WEDNESDAY,THURSDAY");
        at("2026-01-07T07:40:00+08:00");
        assertThat(submit(out(new GeoPoint(-6.2, 106.8), 10)).record().flags())
                .containsExactly(LocationFlag.IMPOSSIBLE_TRAVEL);

        UUID colleague = UUID.randomUUID();
        jdbc.sql("insert into " + tenant.schemaName()
                        + ".employee (id, nip, name, employment_type, unit_id, status, username,"
                        + " realm_user_id, created_at, updated_at) select ?, '199001012015031001', 'Andi', 'PNS', unit_id, 'ACTIVE',"
                        + " '199001012015031001', ?, now(), now() from " + tenant.schemaName()
                        + ".employee where id = ?")
                .param(colleague)
                .param(UUID.randomUUID().toString())
                .param(employee)
                .update();
        at("2026-01-08T07:20:00+08:00");
        CheckIns.Submitted forColleague = TenantContext.callAs(
                tenant,
                () -> checkIns.submit("199001012015031001", withDevice(in(GeofenceTest.north(25), 9), "hp-siti")));
        assertThat(forColleague.record().flags()).containsExactly(LocationFlag.SHARED_DEVICE);

        GeoPoint replayed = GeofenceTest.north(33);
        for (String day : new String[] {"2026-01-12", "2026-01-13", "2026-01-14"}) {
            at(day + "T07:20:00+08:00");
            CheckIns.Submitted same = submit(withDevice(in(replayed, 7), null));
            if (day.equals("2026-01-14")) {
                assertThat(same.record().flags()).containsExactly(LocationFlag.TOO_PERFECT);
            } else {
                assertThat(same.record().flags()).isEmpty();
            }
        }
    }

    @Test
    void theReviewListShowsASupervisorOnlyTheirOwnStaffsFlaggedCheckIns(@Autowired ReviewList reviews) {
        UUID boss = UUID.randomUUID();
        jdbc.sql("insert into " + tenant.schemaName()
                        + ".employee (id, nip, name, employment_type, unit_id, status, username,"
                        + " realm_user_id, created_at, updated_at) select ?, '197001012000031001', 'Kepala', 'PNS', unit_id, 'ACTIVE',"
                        + " '197001012000031001', ?, now(), now() from " + tenant.schemaName()
                        + ".employee where id = ?")
                .param(boss)
                .param(UUID.randomUUID().toString())
                .param(employee)
                .update();
        jdbc.sql("update " + tenant.schemaName() + ".employee set supervisor_id = ? where id = ?")
                .param(boss)
                .param(employee)
                .update();
        at("2026-01-05T07:20:00+08:00");
        submit(new CheckInRequest(
                CheckInRequest.Kind.IN,
                GeofenceTest.north(20).latitude(),
                GeofenceTest.north(20).longitude(),
                8.0,
                "req-" + UUID.randomUUID(),
                null,
                true,
                null));

        var mine = TenantContext.callAs(
                tenant,
                () -> reviews.between(
                        java.time.LocalDate.parse("2026-01-01"),
                        java.time.LocalDate.parse("2026-01-31"),
                        "197001012000031001"));
        var someoneElses = TenantContext.callAs(
                tenant,
                () -> reviews.between(
                        java.time.LocalDate.parse("2026-01-01"), java.time.LocalDate.parse("2026-01-31"), "nobody"));
        var everyone = TenantContext.callAs(
                tenant,
                () -> reviews.between(
                        java.time.LocalDate.parse("2026-01-01"), java.time.LocalDate.parse("2026-01-31"), null));

        assertThat(mine).singleElement().satisfies(e -> {
            assertThat(e.username()).isEqualTo(NIP);
            assertThat(e.flags()).containsExactly(LocationFlag.MOCK_LOCATION);
        });
        assertThat(someoneElses).isEmpty();
        assertThat(everyone).hasSize(1);
    }

    @Test
    void preciseLocationsAreCoarsenedByTheModulesNightlyJobAfterTheRetentionPeriod(
            @Autowired id.fleksi.platform.modules.ModuleJobs jobs, @Autowired AttendanceModule module) {
        at("2026-01-05T07:20:00+08:00");
        submit(in(GeofenceTest.north(20), 8));
        jdbc.sql("update " + tenant.schemaName() + ".attendance_check_in set captured_at = now() - interval '400 days'")
                .update();
        at("2026-01-06T07:20:00+08:00");
        submit(in(GeofenceTest.north(20), 8));
        jdbc.sql("update " + tenant.schemaName() + ".attendance_check_in set captured_at = now() - interval '10 days'"
                        + " where work_date = '2026-01-06'")
                .update();

        jobs.run(
                module,
                module.jobs().get(0),
                id.fleksi.platform.tenancy.RegionTimeZone.WITA,
                Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MINUTES));

        List<Map<String, Object>> rows = jdbc.sql("select work_date::text as day, latitude::text as lat from "
                        + tenant.schemaName() + ".attendance_check_in order by work_date")
                .query()
                .listOfRows();
        assertThat(rows.get(0).get("lat")).isEqualTo("-1.74000"); // -1.73542 to two decimals
        assertThat((String) rows.get(1).get("lat")).isNotEqualTo("-1.74000").startsWith("-1.735");
    }

    @Test
    void onlyTheDirectSupervisorDecidesAnAbsenceAndAnApprovedDinasLuarAllowsCheckInAway(@Autowired Absences absences) {
        String boss = "197001012000031001";
        String colleague = "199001012015031001";
        addEmployee(boss, null);
        addEmployee(colleague, null);
        reportTo(boss);
        java.time.LocalDate friday = java.time.LocalDate.parse("2026-01-09");
        at("2026-01-07T10:00:00+08:00");

        assertThatThrownBy(() -> TenantContext.callAs(
                        tenant,
                        () -> absences.file(
                                NIP,
                                new Absences.NewAbsence(
                                        Absences.Kind.DINAS_LUAR,
                                        friday,
                                        friday,
                                        "Rapat koordinasi",
                                        null,
                                        null,
                                        null))))
                .isInstanceOfSatisfying(
                        Problem.class,
                        p -> assertThat((List<Map<String, String>>)
                                        p.properties().get("errors"))
                                .extracting(e -> e.get("field"))
                                .containsExactly("letterNumber", "destination"));
        Absences.Absence filed = TenantContext.callAs(
                tenant,
                () -> absences.file(
                        NIP,
                        new Absences.NewAbsence(
                                Absences.Kind.DINAS_LUAR,
                                friday,
                                friday,
                                "Rapat koordinasi SPBE",
                                "800/123/DISKOMINFO/I/2026",
                                "Mamuju",
                                null)));
        assertThat(filed.status()).isEqualTo(Absences.Status.PENDING);

        // The assignment letter as a document: checked by its bytes, seen only by her, her supervisor and BKD.
        byte[] letter = "%PDF-1.7 surat tugas".getBytes();
        assertThatThrownBy(() -> TenantContext.callAs(
                        tenant, () -> absences.attachDocument(NIP, filed.id(), "surat.pdf", "not a pdf".getBytes())))
                .hasMessageContaining("is not a PDF");
        assertThatThrownBy(() -> TenantContext.callAs(
                        tenant, () -> absences.attachDocument(colleague, filed.id(), "surat.pdf", letter)))
                .hasMessageContaining("You have no absence");
        assertThat(TenantContext.callAs(tenant, () -> absences.attachDocument(NIP, filed.id(), "surat.pdf", letter))
                        .document())
                .isEqualTo("surat.pdf");
        assertThat(TenantContext.callAs(tenant, () -> absences.document(boss, false, filed.id()))
                        .content())
                .isEqualTo(letter);
        assertThat(TenantContext.callAs(tenant, () -> absences.document("bkd-staff", true, filed.id()))
                        .contentType())
                .isEqualTo("application/pdf");
        assertThatThrownBy(() -> TenantContext.callAs(tenant, () -> absences.document(colleague, false, filed.id())))
                .hasMessageContaining("Only the employee");

        assertThatThrownBy(() -> TenantContext.callAs(tenant, () -> absences.decide(colleague, filed.id(), true, null)))
                .hasMessageContaining("direct supervisor");
        assertThatThrownBy(() -> TenantContext.callAs(tenant, () -> absences.decide(boss, filed.id(), false, " ")))
                .hasMessageContaining("needs a reason");
        assertThat(TenantContext.callAs(tenant, () -> absences.decide(boss, filed.id(), true, null))
                        .status())
                .isEqualTo(Absences.Status.APPROVED);
        assertThatThrownBy(() -> TenantContext.callAs(tenant, () -> absences.decide(boss, filed.id(), false, "salah")))
                .hasMessageContaining("already approved")
                .isInstanceOfSatisfying(
                        Problem.class,
                        p -> assertThat(p.detailFor(PROBLEMS, TestMessages.INDONESIAN))
                                .isEqualTo("Izin ini sudah disetujui oleh " + boss + "."));
        assertThatThrownBy(() -> TenantContext.callAs(
                        tenant, () -> absences.attachDocument(NIP, filed.id(), "lain.pdf", letter)))
                .hasMessageContaining("can no longer change");

        GeoPoint mamuju = new GeoPoint(-2.6748, 118.8885);
        at("2026-01-09T08:10:00+08:00");
        assertThat(submit(in(mamuju, 12)).record().workMode()).isEqualTo("DL");
        at("2026-01-12T07:20:00+08:00");
        assertThatThrownBy(() -> submit(in(mamuju, 12))).hasMessageContaining("Today is an office day");
    }

    @Test
    void twoApprovedDinasLuarOnOneDayStillMakeOneRecordAwayAndTheNextDayIsAnOfficeDayAgain(
            @Autowired Absences absences) {
        String boss = "197001012000031001";
        addEmployee(boss, null);
        reportTo(boss);
        java.time.LocalDate thursday = java.time.LocalDate.parse("2026-01-08");
        java.time.LocalDate friday = java.time.LocalDate.parse("2026-01-09");
        at("2026-01-07T10:00:00+08:00");
        for (java.time.LocalDate from :
                List.of(thursday, friday)) { // a two-day trip, and a second letter for Friday alone
            Absences.Absence trip = TenantContext.callAs(
                    tenant,
                    () -> absences.file(
                            NIP,
                            new Absences.NewAbsence(
                                    Absences.Kind.DINAS_LUAR,
                                    from,
                                    friday,
                                    "Rapat koordinasi",
                                    "800/" + from.getDayOfMonth() + "/BKD/I/2026",
                                    "Mamuju",
                                    null)));
            TenantContext.runAs(tenant, () -> absences.decide(boss, trip.id(), true, null));
        }

        GeoPoint mamuju = new GeoPoint(-2.6748, 118.8885);
        at("2026-01-09T08:10:00+08:00");
        CheckIns.Submitted in = submit(in(mamuju, 12));
        at("2026-01-09T16:10:00+08:00");
        CheckIns.Submitted out = submit(out(mamuju, 12));

        assertThat(List.of(in.record().workMode(), out.record().workMode())).containsExactly("DL", "DL");
        assertThat(jdbc.sql("select count(*) from " + tenant.schemaName() + ".attendance_check_in")
                        .query(Integer.class)
                        .single())
                .isEqualTo(2);
        at("2026-01-12T07:20:00+08:00");
        assertThatThrownBy(() -> submit(in(mamuju, 12))).hasMessageContaining("Today is an office day");
    }

    @Test
    void theRecapTellsEachDayPresentExcusedAbsentOrNotAWorkingDay(
            @Autowired Absences absences, @Autowired DailyRecap recap) {
        String boss = "197001012000031001";
        addEmployee(boss, null);
        reportTo(boss);
        at("2026-01-12T07:50:00+08:00"); // Monday: present, 20 minutes late
        submit(in(GeofenceTest.north(10), 5));
        at("2026-01-13T10:00:00+08:00"); // Tuesday: sick, approved
        java.time.LocalDate tuesday = java.time.LocalDate.parse("2026-01-13");
        Absences.Absence sick = TenantContext.callAs(
                tenant,
                () -> absences.file(
                        NIP,
                        new Absences.NewAbsence(Absences.Kind.SAKIT, tuesday, tuesday, "Demam", null, null, null)));
        TenantContext.runAs(tenant, () -> absences.decide(boss, sick.id(), true, null));
        at("2026-01-15T09:00:00+08:00"); // Wednesday passed with nothing; today is Thursday

        List<DailyRecap.Day> week = TenantContext.callAs(
                tenant,
                () -> recap.of(
                        employee, java.time.LocalDate.parse("2026-01-12"), java.time.LocalDate.parse("2026-01-18")));

        assertThat(week)
                .extracting(DailyRecap.Day::status)
                .containsExactly(
                        DailyRecap.Status.PRESENT,
                        DailyRecap.Status.EXCUSED,
                        DailyRecap.Status.ABSENT,
                        DailyRecap.Status.TO_COME,
                        DailyRecap.Status.NOT_A_WORKING_DAY,
                        DailyRecap.Status.NOT_A_WORKING_DAY,
                        DailyRecap.Status.NOT_A_WORKING_DAY);
        assertThat(week.get(0).minutesLate()).isEqualTo(20);
        assertThat(week.get(0).checkedOut()).isFalse();
        assertThat(week.get(1).detail()).isEqualTo("SAKIT");
        assertThat(week.get(4).detail()).contains("Isra Mikraj");
        assertThat(week.get(5).detail()).isEqualTo("Weekend");

        // The supervisor's team: Siti, and a second member with nothing on Monday; nobody else's staff.
        String other = "199001012015031001";
        addEmployee(other, null);
        jdbc.sql("update " + tenant.schemaName() + ".employee set supervisor_id = (select id from "
                        + tenant.schemaName() + ".employee where username = ?) where username = ?")
                .param(boss)
                .param(other)
                .update();
        List<DailyRecap.TeamMember> monday =
                TenantContext.callAs(tenant, () -> recap.team(boss, java.time.LocalDate.parse("2026-01-12")));
        assertThat(monday)
                .extracting(m -> m.username() + " " + m.day().status())
                .containsExactlyInAnyOrder(NIP + " PRESENT", other + " ABSENT");
        assertThat(TenantContext.callAs(tenant, () -> recap.team(other, java.time.LocalDate.parse("2026-01-12"))))
                .isEmpty();
    }

    @Test
    void theMonthInFiguresCountsWorkingDaysAndAWeekendInsideALeaveStaysAWeekend(
            @Autowired Absences absences, @Autowired DailyRecap recap) {
        String boss = "197001012000031001";
        addEmployee(boss, null);
        reportTo(boss);
        at("2026-02-02T07:50:00+08:00"); // Monday: 20 minutes late, and never checks out
        submit(in(GeofenceTest.north(10), 5));
        // Tuesday 3rd: nothing. Wednesday 4th to Monday 9th: leave, approved, over a weekend.
        at("2026-02-03T12:00:00+08:00");
        Absences.Absence leave = TenantContext.callAs(
                tenant,
                () -> absences.file(
                        NIP,
                        new Absences.NewAbsence(
                                Absences.Kind.CUTI,
                                java.time.LocalDate.parse("2026-02-04"),
                                java.time.LocalDate.parse("2026-02-09"),
                                "Cuti tahunan",
                                null,
                                null,
                                null)));
        TenantContext.runAs(tenant, () -> absences.decide(boss, leave.id(), true, null));
        at("2026-02-10T07:20:00+08:00"); // Tuesday: on time, in and out
        submit(in(GeofenceTest.north(10), 5));
        at("2026-02-10T16:30:00+08:00");
        submit(out(GeofenceTest.north(10), 5));
        at("2026-02-11T09:00:00+08:00"); // today, Wednesday: not yet checked in

        DailyRecap.Month february =
                TenantContext.callAs(tenant, () -> recap.month(employee, java.time.YearMonth.parse("2026-02")));

        assertThat(february.days()).hasSize(28);
        assertThat(february.workingDaysSoFar()).isEqualTo(7); // 2, 3, 4, 5, 6, 9, 10
        assertThat(february.workingDaysToCome()).isPositive();
        assertThat(february.present()).isEqualTo(2);
        assertThat(february.presentByMode()).containsExactly(Map.entry("WFO", 2L));
        assertThat(february.excused()).isEqualTo(4);
        assertThat(february.absent()).isEqualTo(1);
        assertThat(february.lateDays()).isEqualTo(1);
        assertThat(february.minutesLate()).isEqualTo(20);
        assertThat(february.withoutCheckOut()).isEqualTo(1);
        DailyRecap.Day saturday = february.days().get(6);
        assertThat(saturday.date()).hasToString("2026-02-07");
        assertThat(saturday.status()).isEqualTo(DailyRecap.Status.NOT_A_WORKING_DAY);
        DailyRecap.Day tenth = february.days().get(9);
        assertThat(tenth.checkedInAt()).isEqualTo(Instant.parse("2026-02-09T23:20:00Z"));
        assertThat(tenth.checkedOutAt()).isEqualTo(Instant.parse("2026-02-10T08:30:00Z"));
        assertThat(february.days().get(10).status()).isEqualTo(DailyRecap.Status.TO_COME);
        // Her supervisor's team recap gives her the same figures; his own is not there (he reports to nobody here).
        List<DailyRecap.TeamMonth> team =
                TenantContext.callAs(tenant, () -> recap.team(boss, java.time.YearMonth.parse("2026-02")));
        assertThat(team).singleElement().satisfies(member -> {
            assertThat(member.username()).isEqualTo(NIP);
            assertThat(member.month()).usingRecursiveComparison().isEqualTo(february);
        });

        // Had she started on the 4th, the 3rd (no check-in) would not be hers to miss; the 2nd (checked in) still
        // counts.
        jdbc.sql("update " + tenant.schemaName() + ".employee set start_date = date '2026-02-04' where id = ?")
                .param(employee)
                .update();
        DailyRecap.Month started =
                TenantContext.callAs(tenant, () -> recap.month(employee, java.time.YearMonth.parse("2026-02")));
        assertThat(started.workingDaysSoFar()).isEqualTo(6);
        assertThat(started.days().get(2).status()).isEqualTo(DailyRecap.Status.NOT_A_WORKING_DAY);
        assertThat(started.absent()).isZero();
        assertThat(started.present()).isEqualTo(2);
    }

    @Test
    void anApprovedIzinForAComingDayIsStillToComeAndEarlyLeaveIsSaidInHoursAndMinutes(
            @Autowired Absences absences, @Autowired DailyRecap recap) {
        String boss = "197001012000031001";
        addEmployee(boss, null);
        reportTo(boss);
        at("2026-12-01T07:20:00+08:00"); // Tuesday: in on time
        submit(in(GeofenceTest.north(10), 5));
        at("2026-12-02T07:20:00+08:00"); // today, Wednesday: in, and out at 14:45 (1 h 15 min early)
        submit(in(GeofenceTest.north(10), 5));
        java.time.LocalDate friday = java.time.LocalDate.parse("2026-12-04");
        Absences.Absence izin = TenantContext.callAs(
                tenant,
                () -> absences.file(
                        NIP,
                        new Absences.NewAbsence(
                                Absences.Kind.IZIN, friday, friday, "Urusan keluarga", null, null, null)));
        TenantContext.runAs(tenant, () -> absences.decide(boss, izin.id(), true, null));
        at("2026-12-02T14:45:00+08:00");
        submit(out(GeofenceTest.north(10), 5));

        DailyRecap.Month december =
                TenantContext.callAs(tenant, () -> recap.month(employee, java.time.YearMonth.parse("2026-12")));
        assertThat(december.workingDaysSoFar()).isEqualTo(2); // the 1st and today, not Friday's izin
        assertThat(december.present()).isEqualTo(2);
        assertThat(december.excused()).isZero();
        DailyRecap.Day izinDay = december.days().get(3);
        assertThat(izinDay.status()).isEqualTo(DailyRecap.Status.TO_COME);
        assertThat(izinDay.detail()).isEqualTo("IZIN");
        assertThat(december.workingDaysToCome())
                .isEqualTo(december.days().stream()
                        .filter(d -> d.workingDay() && d.date().isAfter(java.time.LocalDate.parse("2026-12-02")))
                        .count());
        assertThat(TenantContext.callAs(tenant, () -> recap.team(boss, java.time.YearMonth.parse("2026-12"))))
                .singleElement()
                .satisfies(
                        m -> assertThat(m.month().present() + " / " + m.month().workingDaysSoFar() + ", "
                                        + m.month().excused())
                                .isEqualTo("2 / 2, 0"));

        MessageSource pages = TestMessages.of("i18n/attendance", "i18n/platform");
        DailyRecap.Day today = december.days().get(1);
        assertThat(pages.getMessage("hist.earlyBy", new Object[] {today.early()}, TestMessages.INDONESIAN))
                .isEqualTo("pulang cepat 1 jam 15 menit");
        assertThat(pages.getMessage(
                        "hist.daysMinutes",
                        new Object[] {december.earlyDays(), december.early()},
                        TestMessages.INDONESIAN))
                .isEqualTo("1 hari, 1 jam 15 menit");
        assertThat(pages.getMessage("hist.earlyBy", new Object[] {today.early()}, java.util.Locale.ENGLISH))
                .isEqualTo("left 1 h 15 min early");

        // Once Friday comes, the izin is a day excused.
        at("2026-12-04T09:00:00+08:00");
        DailyRecap.Month later =
                TenantContext.callAs(tenant, () -> recap.month(employee, java.time.YearMonth.parse("2026-12")));
        assertThat(later.days().get(3).status()).isEqualTo(DailyRecap.Status.EXCUSED);
        assertThat(later.excused()).isEqualTo(1);
        assertThat(later.absent()).isEqualTo(1); // Thursday the 3rd: nothing
        assertThat(later.workingDaysSoFar()).isEqualTo(4);
    }

    /** Makes the employee with this NIP the test employee's direct supervisor. */
    private void reportTo(String supervisorNip) {
        jdbc.sql("update " + tenant.schemaName() + ".employee set supervisor_id = (select id from "
                        + tenant.schemaName() + ".employee where username = ?) where id = ?")
                .param(supervisorNip)
                .param(employee)
                .update();
    }

    private void addEmployee(String nip, UUID supervisor) {
        jdbc.sql("insert into " + tenant.schemaName()
                        + ".employee (id, nip, name, employment_type, unit_id, supervisor_id, status,"
                        + " username, realm_user_id, created_at, updated_at) select ?, ?, ?, 'PNS', unit_id, ?, 'ACTIVE', ?, ?, now(),"
                        + " now() from " + tenant.schemaName() + ".employee where id = ?")
                .param(UUID.randomUUID())
                .param(nip)
                .param("Pegawai " + nip.substring(0, 4))
                .param(supervisor)
                .param(nip)
                .param(UUID.randomUUID().toString())
                .param(employee)
                .update();
    }

    private static CheckInRequest withDevice(CheckInRequest r, String device) {
        return new CheckInRequest(
                r.kind(),
                r.latitude(),
                r.longitude(),
                r.accuracy(),
                r.clientRequestId(),
                r.capturedAt(),
                r.mockLocation(),
                device);
    }

    private void at(String time) {
        clock.set(time);
    }

    private CheckIns.Submitted submit(CheckInRequest request) {
        return TenantContext.callAs(tenant, () -> checkIns.submit(NIP, request));
    }

    private int count() {
        return jdbc.sql("select count(*) from " + tenant.schemaName() + ".attendance_check_in")
                .query(Integer.class)
                .single();
    }

    private static CheckInRequest in(GeoPoint at, double accuracy) {
        return new CheckInRequest(
                CheckInRequest.Kind.IN,
                at.latitude(),
                at.longitude(),
                accuracy,
                "req-" + UUID.randomUUID(),
                null,
                false,
                "phone-1");
    }

    private static CheckInRequest out(GeoPoint at, double accuracy) {
        return new CheckInRequest(
                CheckInRequest.Kind.OUT,
                at.latitude(),
                at.longitude(),
                accuracy,
                "req-" + UUID.randomUUID(),
                null,
                false,
                "phone-1");
    }

    private static CheckInRequest capturedAt(CheckInRequest request, String time) {
        return new CheckInRequest(
                request.kind(),
                request.latitude(),
                request.longitude(),
                request.accuracy(),
                request.clientRequestId(),
                OffsetDateTime.parse(time),
                request.mockLocation(),
                request.deviceId());
    }

    /** Attendance's change set {@code n} or any after it ({@code attendance-013-...}): a schema from before them leaves them out. */
    static boolean fromAttendance(String changeSetId, int n) {
        java.util.regex.Matcher m =
                java.util.regex.Pattern.compile("attendance-(\\d{3})(-.*)?").matcher(changeSetId);
        return m.matches() && Integer.parseInt(m.group(1)) >= n;
    }
}
