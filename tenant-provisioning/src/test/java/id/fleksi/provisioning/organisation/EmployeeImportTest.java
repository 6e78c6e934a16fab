package id.fleksi.provisioning.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import id.fleksi.platform.organisation.EmployeeImport;
import id.fleksi.platform.organisation.ImportJobs;
import id.fleksi.platform.organisation.Spreadsheet;
import id.fleksi.platform.organisation.UnitImport;
import id.fleksi.platform.tenancy.RegionTimeZone;
import id.fleksi.platform.tenancy.TenantCode;
import id.fleksi.platform.tenancy.TenantContext;
import id.fleksi.platform.tenancy.TenantKind;
import id.fleksi.provisioning.onboarding.NewTenant;
import id.fleksi.provisioning.onboarding.TenantOnboarding;
import id.fleksi.provisioning.testing.ProvisioningIntegrationTest;
import id.fleksi.provisioning.testing.TestRealms;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class EmployeeImportTest extends ProvisioningIntegrationTest {

    static final String UNITS = """
            code,name,kind,parent_code
            DINKES,Dinas Kesehatan,DINAS,
            PKM-TOBADAK,UPT Puskesmas Tobadak,UPT,DINKES
            BKPSDM,Badan Kepegawaian dan Pengembangan SDM,BADAN,
            """;

    @Autowired
    TenantOnboarding onboarding;

    @Autowired
    UnitImport unitImport;

    @Autowired
    EmployeeImport employeeImport;

    @Test
    void badRowsAmong500ImportNothingAndAreAllNamed() throws Exception {
        TenantCode tenant = tenantWithUnits();
        List<String[]> rows = employees(500);
        rows.get(10)[0] = "198502301010011004"; // row 12: impossible birth date in the NIP
        rows.get(200)[7] = "NOWHERE"; // row 202: unknown unit
        rows.get(499)[9] = "12"; // row 501: talent box out of 1-9
        rows.get(0)[8] = rows.get(1)[0]; // rows 2 and 3 supervise each other

        EmployeeImport.Report report =
                TenantContext.callAs(tenant, () -> employeeImport.importEmployees(sheet(csv(rows)), "bkd", l -> {}));

        assertThat(report.imported()).isFalse();
        assertThat(report.problems())
                .extracting(EmployeeImport.RowProblem::row, EmployeeImport.RowProblem::column)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(2, "supervisor"),
                        org.assertj.core.groups.Tuple.tuple(3, "supervisor"),
                        org.assertj.core.groups.Tuple.tuple(12, "nip"),
                        org.assertj.core.groups.Tuple.tuple(202, "unit_code"),
                        org.assertj.core.groups.Tuple.tuple(501, "talent_box"));
        assertThat(report.problems().get(0).reason()).contains("loops back");
        assertThat(report.problems().get(2).reason()).contains("not a real birth date");
        assertThat(count(tenant)).isZero();
        assertThat(TestRealms.admin().realm(tenant.realmName()).users().count()).isEqualTo(1); // the first admin only
    }

    @Test
    void theSameFileTwiceGivesTheSameStateAndCsvAndXlsxAgree() throws Exception {
        TenantCode fromCsv = tenantWithUnits();
        TenantCode fromXlsx = tenantWithUnits();
        List<String[]> rows = employees(300);

        EmployeeImport.Report first =
                TenantContext.callAs(fromCsv, () -> employeeImport.importEmployees(sheet(csv(rows)), "bkd", l -> {}));
        List<Map<String, Object>> afterFirst = state(fromCsv);
        EmployeeImport.Report second =
                TenantContext.callAs(fromCsv, () -> employeeImport.importEmployees(sheet(csv(rows)), "bkd", l -> {}));
        Spreadsheet workbook = Spreadsheet.read(new ByteArrayInputStream(xlsx(rows)), "pegawai.xlsx");
        EmployeeImport.Report xlsx =
                TenantContext.callAs(fromXlsx, () -> employeeImport.importEmployees(workbook, "bkd", l -> {}));

        assertThat(first.created()).isEqualTo(300);
        assertThat(second.created()).isZero();
        assertThat(second.unchanged()).isEqualTo(300);
        assertThat(state(fromCsv)).isEqualTo(afterFirst);
        assertThat(xlsx.created()).isEqualTo(300);
        assertThat(state(fromXlsx)).isEqualTo(afterFirst);
        assertThat(TestRealms.admin().realm(fromCsv.realmName()).users().count())
                .isEqualTo(301);
        var user = TestRealms.admin()
                .realm(fromCsv.realmName())
                .users()
                .searchByUsername(rows.get(5)[0], true)
                .get(0);
        assertThat(user.getRequiredActions()).containsExactly("UPDATE_PASSWORD");
        assertThat(jdbc.sql("select count(*) from " + fromCsv.schemaName() + ".employee e join " + fromCsv.schemaName()
                                + ".employee s on s.id = e.supervisor_id")
                        .query(Integer.class)
                        .single())
                .isEqualTo(299);

        rows.get(7)[3] = "Nama Baru";
        EmployeeImport.Report changed =
                TenantContext.callAs(fromCsv, () -> employeeImport.importEmployees(sheet(csv(rows)), "bkd", l -> {}));
        assertThat(changed.updated()).isEqualTo(1);
        assertThat(TestRealms.admin()
                        .realm(fromCsv.realmName())
                        .users()
                        .searchByUsername(rows.get(7)[0], true)
                        .get(0)
                        .getFirstName())
                .isEqualTo("Nama Baru");
    }

    @Test
    void anImportInTheBackgroundRecordsItsProgressAndOutcome(@Autowired ImportJobs jobs) throws Exception {
        TenantCode tenant = tenantWithUnits();
        Spreadsheet file = sheet(csv(employees(200)));

        java.util.UUID jobId =
                TenantContext.callAs(tenant, () -> jobs.start(ImportJobs.Kind.EMPLOYEES, file, "pegawai.csv", "bkd"));
        ImportJobs.ImportJob job = null;
        for (int i = 0; i < 120 && (job == null || !job.finished()); i++) {
            Thread.sleep(250);
            job = TenantContext.callAs(tenant, () -> jobs.find(jobId)).orElseThrow();
        }

        assertThat(job.finished()).isTrue();
        assertThat(job.failure()).isNull();
        assertThat(job.report().created()).isEqualTo(200);
        assertThat(job.progress()).startsWith("stored: 200 new");
        assertThat(count(tenant)).isEqualTo(200);
    }

    private TenantCode tenantWithUnits() throws Exception {
        String code = removeAfter(TestRealms.unique("imp"));
        onboarding.onboard(
                new NewTenant(code, "Kabupaten " + code, TenantKind.KABUPATEN, null, "76.06", RegionTimeZone.WITA));
        TenantCode tenant = TenantCode.of(code);
        EmployeeImport.Report units = TenantContext.callAs(tenant, () -> unitImport.importUnits(sheet(UNITS), "bkd"));
        assertThat(units.created()).isEqualTo(3);
        return tenant;
    }

    /** Rows of valid employees; the first is everyone's supervisor. Columns as {@link #HEADER}. */
    static List<String[]> employees(int count) {
        List<String[]> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            LocalDate birth = LocalDate.of(1970, 1, 1).plusDays(i * 17L);
            String nip = String.format(
                    "%04d%02d%02d%04d%02d%d%03d",
                    birth.getYear(),
                    birth.getMonthValue(),
                    birth.getDayOfMonth(),
                    birth.getYear() + 25,
                    1 + i % 12,
                    1 + i % 2,
                    1 + i % 999);
            rows.add(new String[] {
                nip,
                "",
                "PNS",
                "Pegawai " + i,
                "Staf",
                "III/a",
                "Ya",
                i % 2 == 0 ? "DINKES" : "PKM-TOBADAK",
                i == 0 ? "" : rows.get(0)[0],
                String.valueOf(1 + i % 9),
                "2020-01-0" + (1 + i % 9)
            });
        }
        return rows;
    }

    static final String HEADER =
            "nip,pppk_number,employment_type,name,position,grade,own_device,unit_code,supervisor,talent_box,start_date";

    static String csv(List<String[]> rows) {
        StringBuilder csv = new StringBuilder(HEADER).append('\n');
        rows.forEach(row -> csv.append(String.join(",", row)).append('\n'));
        return csv.toString();
    }

    static byte[] xlsx(List<String[]> rows) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Workbook workbook = new Workbook(out, "Fleksi", "1.0")) {
            Worksheet sheet = workbook.newWorksheet("Pegawai");
            String[] header = HEADER.split(",");
            for (int c = 0; c < header.length; c++) {
                sheet.value(0, c, header[c]);
            }
            for (int r = 0; r < rows.size(); r++) {
                for (int c = 0; c < header.length; c++) {
                    String value = rows.get(r)[c];
                    if (c == 9) {
                        sheet.value(r + 1, c, Integer.parseInt(value)); // talent box typed as a number
                    } else if (!value.isEmpty()) {
                        sheet.value(r + 1, c, value); // NIP as text, as it must be
                    }
                }
            }
        }
        return out.toByteArray();
    }

    static Spreadsheet sheet(String csv) {
        try {
            return Spreadsheet.read(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "pegawai.csv");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private int count(TenantCode tenant) {
        return jdbc.sql("select count(*) from " + tenant.schemaName() + ".employee")
                .query(Integer.class)
                .single();
    }

    /** Every employee's data, without ids that differ between tenants. */
    private List<Map<String, Object>> state(TenantCode tenant) {
        return jdbc.sql(
                        "select e.nip, e.name, e.employment_type, e.position, e.grade, e.talent_box, e.own_device, e.start_date,"
                                + " u.code as unit, s.nip as supervisor, e.status from " + tenant.schemaName()
                                + ".employee e join "
                                + tenant.schemaName() + ".org_unit u on u.id = e.unit_id left join "
                                + tenant.schemaName()
                                + ".employee s on s.id = e.supervisor_id order by e.nip")
                .query()
                .listOfRows();
    }
}
