package id.fleksi.modules.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import id.fleksi.modules.attendance.AttendanceModule;
import id.fleksi.modules.monitoring.internal.EarlyWarning;
import id.fleksi.modules.monitoring.internal.Warnings;
import id.fleksi.platform.migration.TenantMigrator;
import id.fleksi.platform.modules.ModuleSwitches;
import id.fleksi.platform.problem.Problem;
import id.fleksi.platform.security.Caller;
import id.fleksi.platform.tenancy.TenantCode;
import id.fleksi.platform.tenancy.TenantContext;
import id.fleksi.platform.tenancy.TenantRegistry;
import id.fleksi.platform.tenancy.TenantSql;
import id.fleksi.platform.testing.TestClock;
import id.fleksi.platform.testing.TestDatabase;
import id.fleksi.platform.testing.TestTenants;
import jakarta.mail.internet.MimeMessage;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Early warning through January 2026 for Siti, who misses Monday to Wednesday and then Thursday: one warning at 3
 * unexcused days, one at 4, never twice; an izin approved later for Thursday withdraws the fourth day's warning. Each new
 * warning reaches BKD's mailbox on a real local SMTP server (GreenMail).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class EarlyWarningTest {

    @RegisterExtension
    static GreenMailExtension mail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
    }

    @Autowired
    EarlyWarning early;

    @Autowired
    Warnings warnings;

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
    UUID siti;

    @BeforeEach
    void sitiAndHerSupervisor() {
        code = TestTenants.migrated(registry, migrator, "ew"); // WITA (UTC+8)
        switches.change(code, AttendanceModule.ID, true, Map.of(), "test");
        switches.change(
                code,
                MonitoringModule.ID,
                true,
                Map.of(
                        "missingReportsPerMonth",
                        0,
                        "smtpHost",
                        "127.0.0.1",
                        "smtpPort",
                        mail.getSmtp().getPort(),
                        "mailFrom",
                        "fleksi@pemda.test",
                        "bkdEmail",
                        "bkd@pemda.test"),
                "test");
        TenantContext.runAs(code, () -> {
            UUID unit = UUID.randomUUID();
            jdbc.sql(
                            TenantSql.of(
                                    "insert into {org_unit} (id, code, name, kind) values (?, 'DINKES', 'Dinas Kesehatan', 'DINAS')"))
                    .param(unit)
                    .update();
            UUID andi = person("andi", "Andi Atasan", unit, null);
            siti = person("siti", "Siti Aparatur", unit, andi);
            for (LocalDate d = LocalDate.parse("2026-01-01");
                    d.isBefore(LocalDate.parse("2026-01-09"));
                    d = d.plusDays(1)) {
                checkIn(andi, d);
                if (d.getDayOfMonth() < 5) {
                    checkIn(siti, d); // then away Monday 5 to Thursday 8 without a word
                }
            }
        });
    }

    @AfterEach
    void dropTenant() {
        TestTenants.remove(jdbc, registry, code);
    }

    @Test
    void eachStepWarnsOnceAndAnAbsenceApprovedLaterWithdrawsTheWarningItCaused() throws Exception {
        clock.set("2026-01-08T09:00:00+08:00"); // Thursday: Monday to Wednesday are over
        EarlyWarning.Evaluation first = early.evaluate(code);
        assertThat(first.raised()).isEqualTo(1);
        assertThat(first.emailed()).isEqualTo(1);
        assertThat(as(() -> warnings.visibleTo(bkd()))).singleElement().satisfies(w -> {
            assertThat(w.employee()).isEqualTo("Siti Aparatur");
            assertThat(w.rule()).isEqualTo("ABSENCE");
            assertThat(w.step()).isEqualTo(3);
            assertThat(w.what())
                    .isEqualTo("3 hari tidak masuk tanpa keterangan pada tahun 2026 (tahap 3 hari PP 94/2021)");
            assertThat(w.todo()).isEqualTo("Atasan langsung: teguran lisan oleh atasan langsung.");
        });
        assertThat(early.evaluate(code).raised())
                .as("the same step never fires twice")
                .isZero();

        clock.set("2026-01-09T09:00:00+08:00"); // Friday: Thursday too is over
        EarlyWarning.Evaluation second = early.evaluate(code);
        assertThat(second.raised()).isEqualTo(1);
        assertThat(as(() -> warnings.visibleTo(bkd())))
                .extracting(Warnings.Warning::step)
                .containsExactlyInAnyOrder(3, 4);
        assertThat(as(() -> warnings.standing(new Caller("r", "s", "siti", Set.of("asn")))))
                .isEqualTo(new Warnings.Standing(4, 4, 7, "pernyataan tidak puas secara tertulis"));

        MimeMessage[] sent = mail.getReceivedMessages();
        assertThat(sent).hasSize(2);
        assertThat(sent[0].getAllRecipients()[0].toString()).isEqualTo("bkd@pemda.test");
        assertThat(sent[0].getSubject())
                .isEqualTo("[Fleksi] Peringatan dini: Siti Aparatur, 3 hari tidak masuk tanpa"
                        + " keterangan pada tahun 2026 (tahap 3 hari PP 94/2021)");
        assertThat((String) sent[1].getContent()).contains("teguran tertulis oleh atasan langsung");

        // Thursday's izin, filed and approved afterwards: the fourth day was excused after all.
        jdbc.sql(TenantSql.in(
                        code,
                        "insert into {attendance_absence} (id, employee_id, kind, from_date, to_date, reason, status,"
                                + " created_at) values (?, ?, 'IZIN', ?, ?, 'Anak sakit', 'APPROVED', now())"))
                .params(UUID.randomUUID(), siti, LocalDate.parse("2026-01-08"), LocalDate.parse("2026-01-08"))
                .update();
        EarlyWarning.Evaluation third = early.evaluate(code);
        assertThat(third.withdrawn()).isEqualTo(1);
        assertThat(third.raised()).isZero();
        assertThat(as(() -> warnings.visibleTo(bkd())))
                .filteredOn(Warnings.Warning::open)
                .extracting(Warnings.Warning::step)
                .containsExactly(3);
        assertThat(mail.getReceivedMessages()).as("nothing more is sent").hasSize(2);
    }

    @Test
    void theSupervisorAcknowledgesOnceWithANoteAndOnlyTheyOrBkdMay() {
        clock.set("2026-01-08T09:00:00+08:00");
        early.evaluate(code);
        Caller andi = new Caller("r", "s", "andi", Set.of("asn", "atasan"));
        Warnings.Warning warning = as(() -> warnings.visibleTo(andi)).get(0);
        assertThat(as(() -> warnings.visibleTo(new Caller("r", "s", "siti", Set.of("asn")))))
                .isEmpty();

        assertThatThrownBy(() -> as(() -> warnings.acknowledge(
                        new Caller("r", "s", "siti", Set.of("asn")),
                        warning.id(),
                        new Warnings.Acknowledgement("Saya sudah baik"))))
                .isInstanceOf(Problem.class)
                .hasMessageContaining("direct supervisor");
        assertThatThrownBy(() -> as(() -> warnings.acknowledge(andi, warning.id(), new Warnings.Acknowledgement(" "))))
                .isInstanceOf(Problem.class)
                .hasMessageContaining("write what was done");
        Warnings.Warning done = as(() -> warnings.acknowledge(
                andi, warning.id(), new Warnings.Acknowledgement("Teguran lisan diberikan 8 Januari")));
        assertThat(done.acknowledgedBy()).isEqualTo("andi");
        assertThat(done.note()).isEqualTo("Teguran lisan diberikan 8 Januari");
        assertThat(done.open()).isFalse();
        assertThatThrownBy(
                        () -> as(() -> warnings.acknowledge(andi, warning.id(), new Warnings.Acknowledgement("lagi"))))
                .isInstanceOf(Problem.class)
                .hasMessageContaining("already marked as dealt with by andi");
    }

    @Test
    void wfaDaysWithoutAnActivityAndOutputFallingWellBelowTheUsualAreWarnedOfOnceAMonth() {
        TenantContext.runAs(code, () -> {
            UUID andi = jdbc.sql(TenantSql.of("select id from {employee} where username = 'andi'"))
                    .query(UUID.class)
                    .single();
            // Andi's usual: 36 activities over the twelve weeks before January's last four (12 every four weeks); then
            // 2.
            LocalDate day = LocalDate.parse("2025-10-06");
            for (int i = 0; i < 36; i++, day = day.plusDays(2)) {
                activity(andi, day);
            }
            activity(andi, LocalDate.parse("2026-01-12"));
            activity(andi, LocalDate.parse("2026-01-19"));
            // Siti works from home three days without reporting anything, and one day with a report.
            for (String d : new String[] {"2026-01-21", "2026-01-22", "2026-01-23", "2026-01-26"}) {
                jdbc.sql(TenantSql.of(
                                "insert into {attendance_check_in} (id, client_request_id, employee_id, work_date, kind,"
                                        + " work_mode, recorded_at, captured_at, offline, latitude, longitude, accuracy_metres)"
                                        + " values (?, ?, ?, ?, 'IN', 'WFA', now(), now(), false, -1.7, 119.5, 10)"))
                        .params(UUID.randomUUID(), UUID.randomUUID().toString(), siti, LocalDate.parse(d))
                        .update();
            }
            activity(siti, LocalDate.parse("2026-01-26"));
        });
        clock.set("2026-01-30T09:00:00+08:00");
        early.evaluate(code);

        assertThat(as(() -> warnings.visibleTo(bkd())))
                .filteredOn(w -> !w.rule().startsWith("ABSENCE"))
                .extracting(Warnings.Warning::employee, Warnings.Warning::rule, Warnings.Warning::count)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("Andi Atasan", "OUTPUT_DROP", 2),
                        org.assertj.core.groups.Tuple.tuple("Siti Aparatur", "WFA_NO_ACTIVITY", 3));
        assertThat(early.evaluate(code).raised()).isZero();
    }

    private void activity(UUID employee, LocalDate day) {
        UUID id = UUID.randomUUID();
        jdbc.sql(TenantSql.of(
                        "insert into {report_day} (id, employee_id, work_date, status) values (?, ?, ?, 'PENDING')"))
                .params(id, employee, day)
                .update();
        jdbc.sql(TenantSql.of(
                        "insert into {report_activity} (id, day_id, description, quantity, unit, minutes, created_at)"
                                + " values (?, ?, 'Kegiatan', 1, 'dokumen', 60, now())"))
                .params(UUID.randomUUID(), id)
                .update();
    }

    @Test
    void historyBroughtInWithAnEmployeeCountsFromTheirFirstCheckInNotFromTheirRecord() {
        TenantContext.runAs(code, () -> {
            UUID unit = jdbc.sql(TenantSql.of("select id from {org_unit}"))
                    .query(UUID.class)
                    .single();
            UUID dewi = person("dewi", "Dewi Pindahan", unit, null);
            jdbc.sql(TenantSql.of("update {employee} set created_at = '2026-01-20' where id = ?"))
                    .param(dewi)
                    .update();
            checkIn(dewi, LocalDate.parse("2026-01-02")); // her history came with her; then three days without a word
        });
        clock.set("2026-01-08T09:00:00+08:00");
        early.evaluate(code);
        assertThat(as(() -> warnings.visibleTo(bkd())))
                .extracting(Warnings.Warning::employee)
                .containsExactlyInAnyOrder("Siti Aparatur", "Dewi Pindahan");
    }

    private static Caller bkd() {
        return new Caller("r", "s", "bkd", Set.of("bkd"));
    }

    private <T> T as(Supplier<T> work) {
        return TenantContext.callAs(code, work);
    }

    private UUID person(String username, String name, UUID unit, UUID supervisor) {
        UUID id = UUID.randomUUID();
        jdbc.sql(
                        TenantSql.of(
                                "insert into {employee} (id, name, employment_type, unit_id, supervisor_id, status, username,"
                                        + " realm_user_id, created_at, updated_at) values (?, ?, 'PNS', ?, ?, 'ACTIVE', ?, ?, '2025-12-01', now())"))
                .params(id, name, unit, supervisor, username, UUID.randomUUID().toString())
                .update();
        return id;
    }

    private void checkIn(UUID employee, LocalDate day) {
        jdbc.sql(TenantSql.of(
                        "insert into {attendance_check_in} (id, client_request_id, employee_id, work_date, kind, work_mode,"
                                + " recorded_at, captured_at, offline, latitude, longitude, accuracy_metres)"
                                + " values (?, ?, ?, ?, 'IN', 'WFO', now(), now(), false, -1.7, 119.5, 10)"))
                .params(UUID.randomUUID(), UUID.randomUUID().toString(), employee, day)
                .update();
    }
}
