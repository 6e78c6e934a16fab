package id.fleksi.modules.evaluation.trial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.fleksi.modules.attendance.AttendanceModule;
import id.fleksi.modules.evaluation.EvaluationModule;
import id.fleksi.modules.evaluation.trial.TrialVerdict.Finding;
import id.fleksi.modules.evaluation.trial.TrialVerdict.Measure;
import id.fleksi.modules.fwa.FwaModule;
import id.fleksi.modules.fwa.FwaPolicies;
import id.fleksi.modules.fwa.PolicyVersion;
import id.fleksi.modules.monitoring.MonitoringModule;
import id.fleksi.modules.reports.ActivityReportsModule;
import id.fleksi.platform.calendar.WorkingCalendar;
import id.fleksi.platform.migration.TenantMigrator;
import id.fleksi.platform.modules.ModuleSwitches;
import id.fleksi.platform.problem.Problem;
import id.fleksi.platform.security.Caller;
import id.fleksi.platform.security.Role;
import id.fleksi.platform.tenancy.Tenant;
import id.fleksi.platform.tenancy.TenantCode;
import id.fleksi.platform.tenancy.TenantContext;
import id.fleksi.platform.tenancy.TenantRegistry;
import id.fleksi.platform.tenancy.TenantSql;
import id.fleksi.platform.testing.TestClock;
import id.fleksi.platform.testing.TestDatabase;
import id.fleksi.platform.testing.TestTenants;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
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
 * Mamuju Tengah's trial (22 January to 22 April 2026, WFA on Thursday and Friday) on generated pemda: one where WFA days
 * are 10% more productive, one where they are not, one too small to conclude. Holidays are left out, and so is someone
 * who joined mid-trial, counted among those left out.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {
            "spring.messages.basename=i18n/evaluation-trial,i18n/evaluation-trial-problems",
            "spring.messages.fallback-to-system-locale=false"
        })
class TrialVerdictsTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
    }

    static final LocalDate TRIAL_FROM = LocalDate.parse("2026-01-22");
    static final LocalDate TRIAL_TO = LocalDate.parse("2026-04-22");
    static final LocalDate BASELINE_FROM = LocalDate.parse("2025-10-23");
    /** A Thursday of the trial the pemda made a local holiday: nobody checks in, and it must not count as absent. */
    static final LocalDate HARI_JADI = LocalDate.parse("2026-02-05");

    static final Locale ID = Locale.forLanguageTag("id");

    @Autowired
    TrialVerdicts verdicts;

    @Autowired
    FwaPolicies policies;

    @Autowired
    WorkingCalendar calendar;

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
    UUID diskominfo;
    UUID bappeda;

    @BeforeEach
    void matengAfterItsTrial() {
        code = TestTenants.migrated(registry, migrator, "trl");
        tenant = registry.require(code);
        for (String module : List.of(
                AttendanceModule.ID,
                ActivityReportsModule.ID,
                FwaModule.ID,
                MonitoringModule.ID,
                EvaluationModule.ID)) {
            switches.change(code, module, true, Map.of(), "test");
        }
        clock.set("2026-05-04T10:00:00+08:00");
        TenantContext.runAs(code, () -> {
            diskominfo = TrialRows.opd(jdbc, "DISKOMINFO", "Dinas Komunikasi dan Informatika");
            bappeda = TrialRows.opd(jdbc, "BAPPEDA", "Bappeda");
            jdbc.sql(
                            TenantSql.of(
                                    "insert into {local_holiday} (id, date, name, unit_id) values (?, ?, 'Hari jadi Mamuju Tengah', null)"))
                    .params(UUID.randomUUID(), HARI_JADI)
                    .update();
            policies.seedHistory(
                    new PolicyVersion(
                            null,
                            LocalDate.parse("2025-10-01"),
                            true,
                            Set.of(DayOfWeek.THURSDAY, DayOfWeek.FRIDAY),
                            TRIAL_FROM,
                            TRIAL_TO,
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
                            "Uji coba FWA",
                            List.of(),
                            List.of(),
                            null,
                            null),
                    "test");
        });
    }

    @AfterEach
    void dropTenant() {
        TestTenants.remove(jdbc, registry, code);
    }

    @Test
    void wfaDaysTenPercentMoreProductiveAreFoundAndCalledReal() {
        generate(20, 20, true);

        TrialVerdict verdict = verdict("DAYS");

        Measure activities = measure(verdict.total(), "activitiesPerDay");
        assertThat(activities.finding()).isEqualTo(Finding.HIGHER);
        double tenPercent = 0.1 * activities.baseline().value();
        assertThat(activities.trial().value() / activities.baseline().value()).isBetween(1.05, 1.15);
        assertThat(activities.difference().low())
                .as("real, and the known 10%% inside the interval")
                .isPositive()
                .isLessThan(tenPercent);
        assertThat(activities.difference().high()).isGreaterThan(tenPercent);
        assertThat(activities.findingText()).isEqualTo("naik, perbedaannya nyata");
        assertThat(measure(verdict.total(), "outputPerDay").finding()).isEqualTo(Finding.HIGHER);
        assertThat(measure(verdict.total(), "attendance").finding()).isEqualTo(Finding.NO_DIFFERENCE);
        assertThat(verdict.conclusion()).isEqualTo(TrialVerdict.Conclusion.BETTER);
        assertThat(verdict.summary().get(verdict.summary().size() - 1))
                .isEqualTo("Kesimpulan: WFA tidak menurunkan kinerja; lebih baik"
                        + " secara nyata pada kegiatan per hari kerja, volume keluaran per hari kerja.");
        assertThat(verdict.opds())
                .extracting(TrialVerdict.Opd::name)
                .containsExactly("Bappeda", "Dinas Komunikasi dan Informatika");
        assertThat(verdict.opds()).allSatisfy(opd -> assertThat(opd.employees()).isEqualTo(20));
        assertThat(verdict.cohort().compared()).isEqualTo(40);
    }

    @Test
    void withoutADifferenceTheVerdictSaysThereIsNone() {
        generate(20, 20, false);

        TrialVerdict verdict = verdict("DAYS");

        assertThat(verdict.total())
                .filteredOn(m -> !m.key().equals("publicRating"))
                .allSatisfy(m -> assertThat(m.finding()).as(m.key()).isEqualTo(Finding.NO_DIFFERENCE));
        Measure activities = measure(verdict.total(), "activitiesPerDay");
        assertThat(activities.difference().low()).isNegative();
        assertThat(activities.difference().high()).isPositive();
        assertThat(measure(verdict.total(), "publicRating").finding())
                .as("no ratings compared by day")
                .isEqualTo(Finding.NO_DATA);
        assertThat(verdict.conclusion()).isEqualTo(TrialVerdict.Conclusion.NO_DIFFERENCE);
        assertThat(verdict.summary().get(verdict.summary().size() - 1))
                .isEqualTo("Kesimpulan: tidak ada perbedaan yang nyata; selama"
                        + " uji coba kinerja dan layanan tidak terbukti turun maupun naik.");
    }

    @Test
    void tooFewEmployeesAreTooFewToConclude() {
        generate(3, 3, true);

        TrialVerdict verdict = verdict("DAYS");

        assertThat(verdict.cohort().compared()).isEqualTo(6);
        assertThat(verdict.total())
                .filteredOn(m -> !m.key().equals("publicRating"))
                .allSatisfy(m -> assertThat(m.finding()).as(m.key()).isEqualTo(Finding.TOO_FEW));
        assertThat(measure(verdict.total(), "activitiesPerDay").findingText())
                .isEqualTo("terlalu sedikit data untuk menyimpulkan");
        assertThat(verdict.conclusion()).isEqualTo(TrialVerdict.Conclusion.TOO_FEW);
        assertThat(verdict.summary().get(verdict.summary().size() - 1))
                .isEqualTo("Kesimpulan: terlalu sedikit data untuk menyimpulkan.");
    }

    @Test
    void holidaysAreLeftOut() {
        generate(20, 20, false);
        int employees = 40;

        TrialVerdict verdict = verdict("DAYS");

        // Every Thursday and Friday of the trial that the calendar calls a working day, and none other (the local hari
        // jadi and the national holidays and cuti bersama on those days are left out).
        long wfaDays = TenantContext.callAs(
                code,
                () -> TRIAL_FROM
                        .datesUntil(TRIAL_TO.plusDays(1))
                        .filter(d -> d.getDayOfWeek() == DayOfWeek.THURSDAY || d.getDayOfWeek() == DayOfWeek.FRIDAY)
                        .filter(d -> calendar.of(diskominfo, d).isWorking())
                        .count());
        assertThat(wfaDays).isLessThan(26);
        Measure attendance = measure(verdict.total(), "attendance");
        assertThat(attendance.trial().count()).isEqualTo(wfaDays * employees);
        long presentOnHariJadi = TenantContext.callAs(
                code,
                () -> jdbc.sql(TenantSql.of("select count(*) from {attendance_check_in}" + " where work_date = ?"))
                        .param(HARI_JADI)
                        .query(Long.class)
                        .single());
        assertThat(presentOnHariJadi)
                .as("the generated data checks in on every weekday")
                .isPositive();
        assertThat(attendance.trial().numerator())
                .as("present on the counted days only")
                .isLessThan(attendance.trial().count())
                .isGreaterThan(0.9 * attendance.trial().count());
    }

    @Test
    void someoneWhoJoinedMidTrialIsLeftOutAndCounted() {
        generate(20, 20, true);
        TenantContext.runAs(code, () -> {
            UUID baru = TrialRows.employee(jdbc, "Baru", diskominfo, LocalDate.parse("2026-03-02"));
            TrialRows.days(jdbc, LocalDate.parse("2026-03-02"), TRIAL_TO, TRIAL_FROM, TRIAL_TO, true, baru);
            UUID pensiun = TrialRows.employee(jdbc, "Pensiun", bappeda, LocalDate.parse("2001-01-01"));
            jdbc.sql(TenantSql.of("update {employee} set status = 'RETIRED' where id = ?"))
                    .param(pensiun)
                    .update();
        });

        for (String mode : List.of("PERIODS", "DAYS")) {
            TrialVerdict verdict = verdict(mode);
            assertThat(verdict.cohort().compared()).as(mode).isEqualTo(40);
            assertThat(verdict.cohort().leftOut())
                    .as(mode)
                    .extracting(TrialVerdict.LeftOut::reason, TrialVerdict.LeftOut::employees)
                    .containsExactlyInAnyOrder(
                            org.assertj.core.groups.Tuple.tuple("JOINED_LATE", 1),
                            org.assertj.core.groups.Tuple.tuple("RETIRED", 1));
            assertThat(verdict.opds()).extracting(TrialVerdict.Opd::employees).containsExactly(20, 20);
        }
        TrialVerdict periods = verdict("PERIODS");
        assertThat(periods.comparison().baselineFrom()).isEqualTo(BASELINE_FROM);
        assertThat(periods.comparison().baselineTo()).isEqualTo(TRIAL_FROM.minusDays(1));
        assertThat(periods.cohort().leftOut())
                .extracting(TrialVerdict.LeftOut::text)
                .contains("masuk setelah awal periode pembanding (tidak ada di kedua periode)");
        assertThat(periods.summary().get(1))
                .isEqualTo("Yang dibandingkan: 40 pegawai yang ada di kedua sisi; 2 pegawai tidak"
                        + " diikutkan. Hari libur, cuti dan dinas luar tidak dihitung.");
    }

    @Test
    void publicRatingsCompareThePeriods() {
        generate(20, 20, false);
        // The public's accepted ratings of a Diskominfo service: the baseline 40 threes, 40 fours and 20 fives (mean
        // 3.8), the
        // trial 12 threes, 72 fours and 36 fives (mean 4.2); a pending rating in the trial does not count.
        TenantContext.runAs(code, () -> {
            UUID service = UUID.randomUUID();
            jdbc.sql(TenantSql.of(
                            "insert into {evaluation_service} (id, unit_id, slug, name, created_by, created_at, updated_at)"
                                    + " values (?, ?, 'ppid', 'Layanan informasi publik', 'test', now(), now())"))
                    .params(service, diskominfo)
                    .update();
            rate(service, BASELINE_FROM.plusDays(10), 3, 40, "ACCEPTED");
            rate(service, BASELINE_FROM.plusDays(20), 4, 40, "ACCEPTED");
            rate(service, BASELINE_FROM.plusDays(30), 5, 20, "ACCEPTED");
            rate(service, TRIAL_FROM.plusDays(10), 3, 12, "ACCEPTED");
            rate(service, TRIAL_FROM.plusDays(20), 4, 72, "ACCEPTED");
            rate(service, TRIAL_FROM.plusDays(30), 5, 36, "ACCEPTED");
            rate(service, TRIAL_FROM.plusDays(40), 1, 30, "PENDING");
        });

        Measure rating = measure(verdict("PERIODS").total(), "publicRating");

        assertThat(rating.baseline().value()).isEqualTo(3.8);
        assertThat(rating.trial().value()).isEqualTo(4.2);
        assertThat(rating.baseline().count()).isEqualTo(100);
        assertThat(rating.finding()).isEqualTo(Finding.HIGHER);
    }

    @Test
    void onlyLeadersBkdAndTheAdminMayReadIt() {
        Caller asn = new Caller(code.realmName(), "s", "asn", Set.of(Role.ASN.realmRole(), Role.ATASAN.realmRole()));
        assertThatThrownBy(() -> TenantContext.runAs(
                        code,
                        () -> verdicts.verdict(
                                tenant, asn, verdicts.comparison(tenant, "DAYS", null, null, null, null), ID)))
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.type()).isEqualTo("trial-not-allowed"));
        assertThatThrownBy(() -> TenantContext.runAs(
                        code,
                        () -> verdicts.comparison(
                                tenant, "PERIODS", TRIAL_FROM, TRIAL_TO, LocalDate.parse("2025-11-01"), TRIAL_FROM)))
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.type()).isEqualTo("trial-baseline-overlaps"));
    }

    private void rate(UUID service, LocalDate day, int score, int times, String status) {
        for (int i = 0; i < times; i++) {
            boolean decided = !"PENDING".equals(status);
            jdbc.sql(TenantSql.of(
                            "insert into {evaluation_feedback} (id, service_id, given_on, score, status, decided_by, decided_at)"
                                    + " values (?, ?, ?, ?, ?, ?, ?)"))
                    .params(
                            UUID.randomUUID(),
                            service,
                            day,
                            score,
                            status,
                            decided ? "kepala" : null,
                            decided ? java.sql.Timestamp.valueOf(day.atTime(16, 0)) : null)
                    .update();
        }
    }

    private void generate(int inDiskominfo, int inBappeda, boolean wfaBoost) {
        TenantContext.runAs(code, () -> {
            TrialRows.employees(jdbc, diskominfo, 1, inDiskominfo);
            TrialRows.employees(jdbc, bappeda, 1001, inBappeda);
            TrialRows.days(jdbc, BASELINE_FROM, TRIAL_TO, TRIAL_FROM, TRIAL_TO, wfaBoost);
        });
    }

    private TrialVerdict verdict(String mode) {
        Caller sekda = new Caller(code.realmName(), "p", "sekda", Set.of(MonitoringModule.LEADER));
        Supplier<TrialVerdict> read =
                () -> verdicts.verdict(tenant, sekda, verdicts.comparison(tenant, mode, null, null, null, null), ID);
        return TenantContext.callAs(code, read::get);
    }

    private static Measure measure(List<Measure> measures, String key) {
        return measures.stream().filter(m -> m.key().equals(key)).findFirst().orElseThrow();
    }
}
