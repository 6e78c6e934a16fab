package id.fleksi.modules.fwa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.fleksi.modules.fwa.internal.Sanctions;
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
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class FwaPolicyTest {

    /** How a person reads the module's refusals: its reasons and its problems, in Indonesian. */
    static final org.springframework.context.MessageSource PROBLEMS = TestMessages.of("i18n/fwa", "i18n/fwa-problems");

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
    }

    @Autowired
    FwaPolicies policies;

    @Autowired
    WorkModes modes;

    @Autowired
    FwaRequests requests;

    @Autowired
    Sanctions sanctions;

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
    UUID dinkes;
    UUID puskesmas;
    UUID disdukcapil;
    UUID diskominfo;
    UUID boss;

    @BeforeEach
    void mamujuTengah() {
        clock.set("2025-12-01T08:00:00+08:00");
        tenant = TestTenants.migrated(registry, migrator, "fwa"); // WITA
        switches.change(tenant, FwaModule.ID, true, Map.of(), "test");
        dinkes = unit("DINKES", "Dinas Kesehatan", null);
        puskesmas = unit("PKM-TOBADAK", "UPT Puskesmas Tobadak", dinkes);
        disdukcapil = unit("DISDUKCAPIL", "Dinas Kependudukan dan Pencatatan Sipil", null);
        diskominfo = unit("DISKOMINFO", "Dinas Komunikasi dan Informatika", null);
        boss = employee("kadis", diskominfo, null, null);
    }

    @AfterEach
    void dropTenant() {
        TestTenants.remove(jdbc, registry, tenant);
    }

    /** Mamuju Tengah's policy: WFA Thursday and Friday, trial 22 January to 22 April 2026, health and civil registration in the office. */
    private PolicyVersion mateng() {
        return as(() -> policies.add(
                new PolicyVersion(
                        null,
                        LocalDate.parse("2025-12-01"),
                        true,
                        Set.of(DayOfWeek.THURSDAY, DayOfWeek.FRIDAY),
                        LocalDate.parse("2026-01-22"),
                        LocalDate.parse("2026-04-22"),
                        null,
                        false,
                        false,
                        false,
                        false,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        "Perbup FWA Mamuju Tengah",
                        List.of(new PolicyVersion.Window(
                                LocalDate.parse("2025-12-29"),
                                LocalDate.parse("2025-12-31"),
                                "SE MenPANRB: WFA 29-31 Desember 2025")),
                        List.of(
                                new PolicyVersion.UnitRule(dinkes, true, null, null),
                                new PolicyVersion.UnitRule(disdukcapil, true, null, null)),
                        null,
                        null),
                "admin"));
    }

    @Test
    void theMatengPolicyGivesEachKindOfEmployeeTheRightModeEveryDayOfTheTrial() {
        mateng();
        UUID office = employee("kantor", diskominfo, boss, null);
        UUID health = employee("nakes", puskesmas, boss, null);
        UUID registrar = employee("capil", disdukcapil, boss, null);
        UUID sanctioned = employee("disiplin", diskominfo, boss, null);
        UUID fresh = employee("baru", diskominfo, boss, LocalDate.parse("2025-09-01"));
        as(() -> sanctions.record(
                new Sanctions.NewSanction(
                        sanctioned,
                        LocalDate.parse("2026-02-01"),
                        LocalDate.parse("2026-03-31"),
                        "SK Bupati 800/12/2026: teguran tertulis"),
                "bkd"));

        Map<String, WorkMode> officeDays = modesOf(office, "2025-12-29", "2026-04-30");
        assertThat(officeDays)
                .containsEntry("2025-12-29", WorkMode.WFA)
                .containsEntry("2025-12-31", WorkMode.WFA) // the circular's window
                .containsEntry("2026-01-01", WorkMode.HOLIDAY) // Tahun Baru
                .containsEntry("2026-01-08", WorkMode.WFO) // a Thursday before the trial
                .containsEntry("2026-01-16", WorkMode.HOLIDAY) // Isra Mikraj, a Friday
                .containsEntry("2026-01-22", WorkMode.WFA)
                .containsEntry("2026-01-23", WorkMode.WFA)
                .containsEntry("2026-01-26", WorkMode.WFO) // Monday
                .containsEntry("2026-01-24", WorkMode.HOLIDAY) // Saturday
                .containsEntry("2026-03-19", WorkMode.HOLIDAY) // Nyepi, a Thursday
                .containsEntry("2026-03-20", WorkMode.HOLIDAY) // cuti bersama Idul Fitri, a Friday
                .containsEntry("2026-04-03", WorkMode.HOLIDAY) // Wafat Yesus Kristus, a Friday
                .containsEntry("2026-04-16", WorkMode.WFA)
                .containsEntry("2026-04-17", WorkMode.WFA)
                .containsEntry("2026-04-23", WorkMode.WFO); // the day after the trial
        // 26 Thursdays and Fridays in the trial, less Nyepi, cuti bersama and Good Friday.
        assertThat(officeDays.entrySet().stream()
                        .filter(e -> e.getKey().startsWith("2026") && e.getValue() == WorkMode.WFA))
                .hasSize(23);

        assertThat(modesOf(health, "2025-12-29", "2026-04-30").values()).doesNotContain(WorkMode.WFA);
        assertThat(as(() -> modes.answer(health, LocalDate.parse("2026-01-22"))).reasonTexts())
                .containsExactly("Dinas Kesehatan works from the office every day under the policy");
        assertThat(modesOf(registrar, "2026-01-22", "2026-01-23").values()).containsOnly(WorkMode.WFO);

        Map<String, WorkMode> sanctionedDays = modesOf(sanctioned, "2026-01-22", "2026-04-22");
        assertThat(sanctionedDays)
                .containsEntry("2026-01-22", WorkMode.WFA)
                .containsEntry("2026-02-05", WorkMode.WFO)
                .containsEntry("2026-03-27", WorkMode.WFO)
                .containsEntry("2026-04-02", WorkMode.WFA);
        assertThat(as(() -> modes.answer(sanctioned, LocalDate.parse("2026-02-05")))
                        .reasonTexts()
                        .get(0))
                .startsWith("Under a disciplinary sanction from 2026-02-01 to 2026-03-31");

        assertThat(modesOf(fresh, "2025-12-29", "2026-04-30").values()).doesNotContain(WorkMode.WFA);
        assertThat(as(() -> modes.answer(fresh, LocalDate.parse("2026-01-22"))).reasonTexts())
                .containsExactly("New employee: started 2025-09-01; flexible work from 2026-09-01");

        // Switching flexible work off: every working day in the office.
        switches.change(tenant, FwaModule.ID, false, Map.of(), "test");
        assertThat(modesOf(office, "2026-01-22", "2026-01-30").values())
                .containsOnly(WorkMode.WFO, WorkMode.HOLIDAY)
                .contains(WorkMode.WFO);
    }

    @Test
    void aThirdWfaDayInAWeekIsRefusedWithTheRuleNamed() {
        mateng();
        UUID siti = employee("siti", diskominfo, boss, null);
        jdbc.sql("update " + tenant.schemaName()
                        + ".employee set home_latitude = -1.70, home_longitude = 119.50 where id = ?")
                .param(siti)
                .update();
        clock.set("2026-02-02T08:00:00+08:00"); // Monday of a trial week: Thursday and Friday are already WFA

        assertThatThrownBy(() -> as(() -> requests.file(
                        "siti",
                        new FwaRequests.NewRequest(
                                LocalDate.parse("2026-02-04"),
                                LocalDate.parse("2026-02-04"),
                                null,
                                FwaRequests.Place.HOME,
                                null))))
                .isInstanceOfSatisfying(Problem.class, p -> {
                    assertThat(p.kind()).isEqualTo(Problem.Kind.UNPROCESSABLE);
                    assertThat(p.getMessage())
                            .contains("2026-02-04: the week already has 2 WFA days", "PermenPANRB 4/2025 art. 13(1)");
                    assertThat(p.detailFor(PROBLEMS, TestMessages.INDONESIAN))
                            .isEqualTo("2026-02-04: minggu itu sudah punya 2 hari"
                                    + " WFA; PermenPANRB 4/2025 pasal 13 ayat 1: paling banyak 2 hari kerja seminggu di luar kantor. Tidak ada"
                                    + " yang diubah.");
                });
        // Nor can a policy name three weekdays.
        assertThatThrownBy(() -> as(() -> policies.add(
                        new PolicyVersion(
                                null,
                                LocalDate.parse("2026-03-01"),
                                true,
                                Set.of(DayOfWeek.MONDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY),
                                null,
                                null,
                                null,
                                false,
                                false,
                                false,
                                false,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null),
                        "admin")))
                .hasMessageContaining("wfaWeekdays: 3 days; PermenPANRB 4/2025 art. 13(1)");
        // After the trial, a request is the way, and two a week are fine.
        clock.set("2026-04-27T08:00:00+08:00");
        FwaRequests.Request two = as(() -> requests.file(
                "siti",
                new FwaRequests.NewRequest(
                        LocalDate.parse("2026-04-28"),
                        LocalDate.parse("2026-04-29"),
                        null,
                        FwaRequests.Place.HOME,
                        null)));
        assertThat(two.status()).isEqualTo(FwaRequests.Status.PENDING);
        as(() -> requests.decide("kadis", two.id(), true, null));
        assertThatThrownBy(() -> as(() -> requests.file(
                        "siti",
                        new FwaRequests.NewRequest(
                                LocalDate.parse("2026-04-30"),
                                LocalDate.parse("2026-04-30"),
                                null,
                                FwaRequests.Place.OTHER,
                                "Perpustakaan daerah"))))
                .hasMessageContaining("the week already has 2 WFA days");
        assertThat(modesOf(siti, "2026-04-27", "2026-05-01"))
                .containsEntry("2026-04-28", WorkMode.WFA)
                .containsEntry("2026-04-29", WorkMode.WFA)
                .containsEntry("2026-04-30", WorkMode.WFO);
        // A day that has passed cannot be asked for.
        assertThatThrownBy(() -> as(() -> requests.file(
                        "siti",
                        new FwaRequests.NewRequest(
                                LocalDate.parse("2026-04-24"),
                                LocalDate.parse("2026-04-24"),
                                null,
                                FwaRequests.Place.HOME,
                                null))))
                .hasMessageContaining("has passed");
    }

    @Test
    void theSameRequestSentAgainWhileItWaitsIsTheFirstOneEvenTenAtOnce() throws Exception {
        mateng();
        employee("siti", diskominfo, boss, null);
        clock.set("2026-04-27T08:00:00+08:00");
        FwaRequests.NewRequest tuesday = new FwaRequests.NewRequest(
                LocalDate.parse("2026-04-28"),
                LocalDate.parse("2026-04-28"),
                null,
                FwaRequests.Place.OTHER,
                "Perpustakaan daerah");
        FwaRequests.Request first = as(() -> requests.file("siti", tuesday));
        assertThat(as(() -> requests.file("siti", tuesday)).id()).isEqualTo(first.id());

        ExecutorService pool = Executors.newFixedThreadPool(10);
        try {
            List<Future<FwaRequests.Request>> sent = new ArrayList<>();
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            for (int i = 0; i < 10; i++) {
                sent.add(pool.submit(() -> {
                    start.await();
                    return as(() -> requests.file(
                            "siti",
                            new FwaRequests.NewRequest(
                                    LocalDate.parse("2026-04-29"),
                                    LocalDate.parse("2026-04-29"),
                                    null,
                                    FwaRequests.Place.OTHER,
                                    "Perpustakaan daerah")));
                }));
            }
            start.countDown();
            Set<UUID> ids = new java.util.HashSet<>();
            for (Future<FwaRequests.Request> one : sent) {
                ids.add(one.get().id());
            }
            assertThat(ids).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(jdbc.sql("select count(*) from " + tenant.schemaName() + ".fwa_request")
                        .query(Integer.class)
                        .single())
                .isEqualTo(2);
    }

    @Test
    void aPolicyChangeDatedInTheFutureLeavesPastDaysAlone() {
        mateng();
        UUID siti = employee("siti", diskominfo, boss, null);
        clock.set("2026-02-10T08:00:00+08:00");
        Map<String, WorkMode> before = modesOf(siti, "2026-01-22", "2026-04-22");

        as(() -> policies.add(
                new PolicyVersion(
                        null,
                        LocalDate.parse("2026-03-02"),
                        true,
                        Set.of(DayOfWeek.MONDAY),
                        null,
                        null,
                        null,
                        false,
                        false,
                        false,
                        false,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        "Senin saja",
                        null,
                        null,
                        null,
                        null),
                "admin"));
        assertThatThrownBy(() -> as(() -> policies.add(
                        new PolicyVersion(
                                null,
                                LocalDate.parse("2026-02-01"),
                                false,
                                null,
                                null,
                                null,
                                null,
                                false,
                                false,
                                false,
                                false,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null),
                        "admin")))
                .isInstanceOfSatisfying(
                        Problem.class, p -> assertThat(p.getMessage()).contains("has passed"));

        Map<String, WorkMode> after = modesOf(siti, "2026-01-22", "2026-04-22");
        after.forEach((date, mode) -> {
            if (date.compareTo("2026-03-02") < 0) {
                assertThat(mode).as(date).isEqualTo(before.get(date));
            }
        });
        assertThat(after)
                .containsEntry("2026-03-02", WorkMode.WFA)
                .containsEntry("2026-03-05", WorkMode.WFO)
                .containsEntry("2026-02-26", WorkMode.WFA);
    }

    @Test
    void fiftyConcurrentApprovalsForFivePlacesLeftApproveExactlyFive() throws Exception {
        UUID service = unit("DPMPTSP", "Dinas Penanaman Modal dan PTSP", null);
        as(() -> policies.add(
                new PolicyVersion(
                        null,
                        LocalDate.parse("2025-12-01"),
                        true,
                        null,
                        null,
                        null,
                        null,
                        false,
                        false,
                        false,
                        false,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        "Kuota",
                        null,
                        List.of(new PolicyVersion.UnitRule(service, false, null, 8)),
                        null,
                        null),
                "admin"));
        List<String> supervisors = new ArrayList<>();
        for (int s = 0; s < 5; s++) {
            supervisors.add("atasan" + s);
            employee("atasan" + s, diskominfo, null, null);
        }
        List<UUID> filed = new ArrayList<>();
        for (int i = 0; i < 53; i++) {
            String supervisor = supervisors.get(i % 5);
            UUID supervisorId = jdbc.sql("select id from " + tenant.schemaName() + ".employee where username = ?")
                    .param(supervisor)
                    .query(UUID.class)
                    .single();
            employee("staf" + i, service, supervisorId, null);
            String username = "staf" + i;
            filed.add(as(() -> requests.file(
                            username,
                            new FwaRequests.NewRequest(
                                    LocalDate.parse("2025-12-10"),
                                    LocalDate.parse("2025-12-10"),
                                    null,
                                    FwaRequests.Place.OTHER,
                                    "Rumah")))
                    .id());
        }
        for (int i = 0; i < 3; i++) { // 3 of the 8 places taken already
            UUID id = filed.get(i);
            as(() -> requests.decide(supervisors.get(filed.indexOf(id) % 5), id, true, null));
        }

        ExecutorService pool = Executors.newFixedThreadPool(50);
        List<Future<Boolean>> results = new ArrayList<>();
        for (int i = 3; i < 53; i++) {
            UUID id = filed.get(i);
            String supervisor = supervisors.get(i % 5);
            results.add(pool.submit((Callable<Boolean>) () -> {
                try {
                    as(() -> requests.decide(supervisor, id, true, null));
                    return true;
                } catch (Problem p) {
                    assertThat(p.getMessage()).contains("already has 8 of its 8 places on WFA on 2025-12-10");
                    return false;
                }
            }));
        }
        int approved = 0;
        for (Future<Boolean> result : results) {
            approved += result.get() ? 1 : 0;
        }
        pool.shutdown();
        assertThat(approved).isEqualTo(5);
        assertThat(jdbc.sql("select count(*) from " + tenant.schemaName()
                                + ".fwa_request_day where work_date = '2025-12-10'")
                        .query(Integer.class)
                        .single())
                .isEqualTo(8);
    }

    @Test
    void eligibilityExplainsEveryRuleThatFails() {
        as(() -> policies.add(
                new PolicyVersion(
                        null,
                        LocalDate.parse("2025-12-01"),
                        true,
                        null,
                        null,
                        null,
                        Set.of(7, 8, 9),
                        true,
                        true,
                        true,
                        true,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        "Jabar-style",
                        null,
                        null,
                        null,
                        null),
                "admin"));
        UUID andi = employee("andi", diskominfo, null, LocalDate.parse("2025-06-01"));
        jdbc.sql("update " + tenant.schemaName()
                        + ".employee set talent_box = 4, face_to_face_service = true, own_device = false,"
                        + " good_connection = false where id = ?")
                .param(andi)
                .update();
        jdbc.sql("update " + tenant.schemaName() + ".org_unit set head_employee_id = ? where id = ?")
                .param(andi)
                .param(diskominfo)
                .update();
        as(() -> sanctions.record(
                new Sanctions.NewSanction(
                        andi, LocalDate.parse("2025-12-01"), LocalDate.parse("2026-05-31"), "SK 800/3/2025"),
                "bkd"));

        // Asked for, the day is refused with every reason, each said in the reader's language (English stays in the
        // logs).
        clock.set("2026-01-05T07:00:00+08:00");
        assertThatThrownBy(() -> as(() -> requests.file(
                        "andi",
                        new FwaRequests.NewRequest(
                                LocalDate.parse("2026-01-06"),
                                LocalDate.parse("2026-01-06"),
                                null,
                                FwaRequests.Place.OTHER,
                                "Perpustakaan daerah"))))
                .isInstanceOfSatisfying(Problem.class, p -> {
                    assertThat(p.getMessage())
                            .startsWith("2026-01-06: Under a disciplinary sanction from 2025-12-01 to 2026-05-31"
                                    + " (SK 800/3/2025); 2026-01-06: New employee");
                    assertThat(p.detailFor(PROBLEMS, TestMessages.INDONESIAN))
                            .isEqualTo("2026-01-06: Sedang menjalani hukuman disiplin"
                                    + " 2025-12-01 s.d. 2026-05-31 (SK 800/3/2025); 2026-01-06: Pegawai baru: mulai 2025-06-01; boleh kerja"
                                    + " fleksibel sejak 2026-06-01; 2026-01-06: Kotak talenta 4 tidak termasuk kotak yang diizinkan (7, 8, 9);"
                                    + " 2026-01-06: Melayani publik secara tatap muka; 2026-01-06: Memimpin Dinas Komunikasi dan Informatika;"
                                    + " 2026-01-06: Belum tercatat memiliki perangkat kerja sendiri; 2026-01-06: Belum tercatat memiliki koneksi"
                                    + " internet yang andal. Tidak ada yang diubah.");
                });

        Eligibility.Verdict verdict = as(() -> modes.eligibility(andi, LocalDate.parse("2026-01-05")));
        assertThat(verdict.eligible()).isFalse();
        assertThat(verdict.reasonTexts())
                .containsExactly(
                        "Under a disciplinary sanction from 2025-12-01 to 2026-05-31 (SK 800/3/2025)",
                        "New employee: started 2025-06-01; flexible work from 2026-06-01",
                        "Talent box 4 is not among the allowed boxes 7, 8, 9",
                        "Serves the public face to face",
                        "Leads Dinas Komunikasi dan Informatika",
                        "No own work device is recorded",
                        "No reliable internet connection is recorded");

        UUID budi = employee("budi", diskominfo, null, null);
        jdbc.sql("update " + tenant.schemaName()
                        + ".employee set talent_box = 9, own_device = true, good_connection = true where id = ?")
                .param(budi)
                .update();
        assertThat(as(() -> modes.eligibility(budi, LocalDate.parse("2026-01-05"))))
                .isEqualTo(new Eligibility.Verdict(true, List.of()));
    }

    @Test
    void aStandingArrangementGivesItsWeekdayAndFlexibleHoursSetTheStartWindow() {
        assertThatThrownBy(() -> as(() -> policies.add(
                        new PolicyVersion(
                                null,
                                LocalDate.parse("2025-12-01"),
                                true,
                                null,
                                null,
                                null,
                                null,
                                false,
                                false,
                                false,
                                false,
                                null,
                                null,
                                java.time.LocalTime.of(7, 0),
                                java.time.LocalTime.of(8, 30),
                                java.time.LocalTime.of(8, 30),
                                java.time.LocalTime.of(17, 30),
                                null,
                                null,
                                null,
                                null,
                                null),
                        "admin")))
                .hasMessageContaining("the core band is at most 7.5 hours, so the working week stays 37.5 hours")
                .isInstanceOfSatisfying(
                        Problem.class,
                        p -> assertThat(p.detailFor(PROBLEMS, TestMessages.INDONESIAN))
                                .isEqualTo(
                                        "startFrom, startTo, coreFrom, coreTo: rentang mulai mendahului jam inti, dan jam inti paling lama 7,5 jam, agar"
                                                + " minggu kerja tetap 37.5 jam. Tidak ada yang disimpan."));
        as(() -> policies.add(
                new PolicyVersion(
                        null,
                        LocalDate.parse("2025-12-01"),
                        true,
                        null,
                        null,
                        null,
                        null,
                        false,
                        false,
                        false,
                        false,
                        null,
                        null,
                        java.time.LocalTime.of(7, 0),
                        java.time.LocalTime.of(8, 30),
                        java.time.LocalTime.of(9, 0),
                        java.time.LocalTime.of(15, 0),
                        "Jam kerja fleksibel",
                        null,
                        null,
                        null,
                        null),
                "admin"));
        UUID siti = employee("siti", diskominfo, boss, null);

        FwaRequests.Request wednesdays = as(() -> requests.file(
                "siti",
                new FwaRequests.NewRequest(
                        LocalDate.parse("2025-12-01"),
                        LocalDate.parse("2025-12-31"),
                        DayOfWeek.WEDNESDAY,
                        FwaRequests.Place.OTHER,
                        "Co-working space Mamuju")));
        assertThatThrownBy(() -> as(() -> requests.decide("siti", wednesdays.id(), true, null)))
                .hasMessageContaining("Nobody decides their own request");
        assertThatThrownBy(() -> as(() -> requests.decide("kadis", wednesdays.id(), false, "")))
                .hasMessageContaining("needs a reason");
        as(() -> requests.decide("kadis", wednesdays.id(), true, null));

        Map<String, WorkMode> december = modesOf(siti, "2025-12-01", "2025-12-31");
        assertThat(december.entrySet().stream()
                        .filter(e -> e.getValue() == WorkMode.WFA)
                        .map(Map.Entry::getKey))
                .containsExactly("2025-12-03", "2025-12-10", "2025-12-17", "2025-12-24", "2025-12-31");
        DayAnswer wednesday = as(() -> modes.answer(siti, LocalDate.parse("2025-12-10")));
        assertThat(wednesday.where()).isEqualTo("Co-working space Mamuju");
        assertThat(wednesday.start()).hasToString("07:00");
        assertThat(wednesday.latestStart()).hasToString("08:30");
        assertThat(as(() -> requests.mine("siti")))
                .singleElement()
                .satisfies(r -> assertThat(r.status()).isEqualTo(FwaRequests.Status.APPROVED));
    }

    private Map<String, WorkMode> modesOf(UUID employee, String from, String to) {
        Map<String, WorkMode> modes = new java.util.TreeMap<>();
        as(() -> this.modes.answers(List.of(employee), LocalDate.parse(from), LocalDate.parse(to)))
                .forEach(a -> modes.put(a.date().toString(), a.mode()));
        return modes;
    }

    private UUID unit(String code, String name, UUID parent) {
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into " + tenant.schemaName()
                        + ".org_unit (id, code, name, kind, parent_id) values (?, ?, ?, 'DINAS', ?)")
                .params(id, code, name, parent)
                .update();
        return id;
    }

    private UUID employee(String username, UUID unit, UUID supervisor, LocalDate started) {
        UUID id = UUID.randomUUID();
        jdbc.sql(
                        "insert into " + tenant.schemaName()
                                + ".employee (id, name, employment_type, unit_id, supervisor_id, status, username,"
                                + " realm_user_id, start_date, created_at, updated_at) values (?, ?, 'PNS', ?, ?, 'ACTIVE', ?, ?, ?, now(), now())")
                .params(
                        id,
                        username,
                        unit,
                        supervisor,
                        username,
                        UUID.randomUUID().toString(),
                        started)
                .update();
        return id;
    }

    private <T> T as(Supplier<T> work) {
        return TenantContext.callAs(tenant, work);
    }
}
