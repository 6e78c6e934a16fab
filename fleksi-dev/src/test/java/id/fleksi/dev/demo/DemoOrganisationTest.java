package id.fleksi.dev.demo;

import static org.assertj.core.api.Assertions.assertThat;

import id.fleksi.app.testing.AppIntegrationTest;
import id.fleksi.modules.fwa.DayAnswer;
import id.fleksi.modules.fwa.WorkMode;
import id.fleksi.modules.fwa.WorkModes;
import id.fleksi.platform.organisation.Nip;
import id.fleksi.platform.tenancy.RegionTimeZone;
import id.fleksi.platform.tenancy.TenantCode;
import id.fleksi.platform.tenancy.TenantContext;
import id.fleksi.platform.tenancy.TenantKind;
import id.fleksi.provisioning.onboarding.NewTenant;
import id.fleksi.provisioning.onboarding.TenantOnboarding;
import id.fleksi.provisioning.realm.RealmProvisioner;
import id.fleksi.provisioning.testing.TestRealms;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class DemoOrganisationTest extends AppIntegrationTest {

    @Autowired
    DemoOrganisation organisation;

    @Autowired
    DemoFlexibleWork flexibleWork;

    @Autowired
    DemoAttendance attendance;

    @Autowired
    WorkModes modes;

    @Autowired
    TenantOnboarding onboarding;

    @Autowired
    RealmProvisioner realms;

    @Autowired
    JdbcClient jdbc;

    /** mateng's data under a unique code, so the test never meets a real demo tenant. */
    @Test
    void matengGetsItsOpdEmployeesWithValidNipsAndOfficesAroundTobadak() {
        String code = TestRealms.unique("demo");
        TenantCode tenant = TenantCode.of(code);
        onboarding.onboard(new NewTenant(code, "Demo", TenantKind.KABUPATEN, null, "76.06", RegionTimeZone.WITA));
        try {
            organisation.seed(tenant, "mateng", 300);

            String schema = tenant.schemaName();
            assertThat(jdbc.sql("select name from " + schema + ".org_unit")
                            .query(String.class)
                            .list())
                    .hasSize(30)
                    .contains(
                            "Dinas Pendidikan dan Kebudayaan",
                            "Dinas Kesehatan",
                            "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia",
                            "Dinas Komunikasi dan Informatika");
            List<String> nips = jdbc.sql("select nip from " + schema + ".employee")
                    .query(String.class)
                    .list();
            assertThat(nips).hasSize(300).allMatch(nip -> Nip.problemWith(nip) == null);
            assertThat(jdbc.sql("select count(*) from " + schema + ".employee where supervisor_id is null")
                            .query(Integer.class)
                            .single())
                    .isEqualTo(30);
            assertThat(jdbc.sql("select count(*) from " + schema + ".office where latitude between -1.8 and -1.6"
                                    + " and longitude between 119.5 and 119.6")
                            .query(Integer.class)
                            .single())
                    .isEqualTo(5);
            assertThat(TestRealms.admin().realm(code).users().count()).isEqualTo(301);

            // Mamuju Tengah's real policy, and the demo users as Diskominfo staff: Andi supervises Siti.
            flexibleWork.demoEmployees(
                    tenant, UUID.randomUUID().toString(), UUID.randomUUID().toString());
            flexibleWork.matengPolicy(tenant);
            UUID siti = jdbc.sql("select id from " + schema + ".employee where username = 'asn'")
                    .query(UUID.class)
                    .single();
            UUID nurse = jdbc.sql("select e.id from " + schema + ".employee e join " + schema
                            + ".org_unit u on u.id = e.unit_id" + " where u.code = 'PKM-TOBADAK' limit 1")
                    .query(UUID.class)
                    .single();
            List<DayAnswer> thursday = TenantContext.callAs(
                    tenant,
                    () -> modes.answers(
                            List.of(siti, nurse), LocalDate.parse("2026-01-22"), LocalDate.parse("2026-01-22")));
            assertThat(thursday)
                    .extracting(DayAnswer::employeeId, DayAnswer::mode)
                    .containsExactlyInAnyOrder(
                            org.assertj.core.groups.Tuple.tuple(siti, WorkMode.WFA),
                            org.assertj.core.groups.Tuple.tuple(nurse, WorkMode.WFO));
            assertThat(TenantContext.callAs(tenant, () -> modes.answer(siti, LocalDate.parse("2025-12-30")))
                            .reasonTexts())
                    .containsExactly("Window: SE MenPANRB: WFA 29-31 Desember 2025");
            assertThat(TenantContext.callAs(tenant, () -> modes.answer(siti, LocalDate.parse("2026-04-23")))
                            .mode())
                    .isEqualTo(WorkMode.WFO);

            // Four weeks behind Siti: a check-in and a check-out on each working day but two, one late, one flagged; a
            // sick day
            // approved and a permission waiting for Andi; nothing today, which is the visitor's.
            attendance.history(tenant);
            Map<String, Object> days = jdbc.sql(
                            "select count(*) filter (where kind = 'IN') as ins, count(*) filter (where kind = 'OUT')"
                                    + " as outs, count(*) filter (where minutes_late = 12) as late, count(*) filter (where flags = '{TOO_PERFECT}') as flagged,"
                                    + " count(*) filter (where work_date >= (now() at time zone 'Asia/Makassar')::date) as today, count(distinct employee_id) as people from "
                                    + schema
                                    + ".attendance_check_in")
                    .query()
                    .singleRow();
            assertThat(days)
                    .containsEntry("late", 1L)
                    .containsEntry("flagged", 1L)
                    .containsEntry("today", 0L)
                    .containsEntry("people", 1L);
            assertThat((Long) days.get("ins"))
                    .isEqualTo((Long) days.get("outs"))
                    .isBetween(12L, 20L);
            assertThat(jdbc.sql("select kind || ' ' || status from " + schema
                                    + ".attendance_absence order by from_date")
                            .query(String.class)
                            .list())
                    .containsExactly("SAKIT APPROVED", "IZIN PENDING");
        } finally {
            TestRealms.removeTenant(realms, jdbc, code);
        }
    }
}
