package id.fleksi.modules.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.fleksi.modules.attendance.AttendanceModule;
import id.fleksi.modules.monitoring.internal.DigestPeriod;
import id.fleksi.modules.monitoring.internal.DigestWorkbook;
import id.fleksi.modules.monitoring.internal.Digests;
import id.fleksi.modules.monitoring.internal.Tally;
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
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * November 2026 of Dinas Kesehatan, counted by hand: 21 weekdays, the 20th a local holiday of the OPD (so 20 working
 * days, for its Puskesmas too), a person on WFO every day and once on a Saturday, one on WFA with an izin, one on dinas
 * luar and sick in the Puskesmas, one who started mid-month. Who may open it, and the XLSX read back cell by cell.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {
            "spring.messages.basename=i18n/monitoring-digest,i18n/monitoring-digest-problems",
            "spring.messages.fallback-to-system-locale=false"
        })
class DigestsTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
    }

    static final LocalDate NOV = LocalDate.parse("2026-11-01");
    static final LocalDate HOLIDAY = LocalDate.parse("2026-11-20");

    @Autowired
    Digests digests;

    @Autowired
    DigestWorkbook workbook;

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
    void novemberInDinasKesehatan() {
        code = TestTenants.migrated(registry, migrator, "dig"); // WITA (UTC+8)
        tenant = registry.require(code);
        switches.change(code, AttendanceModule.ID, true, Map.of(), "test");
        switches.change(code, MonitoringModule.ID, true, Map.of(), "test");
        clock.set("2026-12-02T10:00:00+08:00");
        TenantContext.runAs(code, () -> {
            UUID dinkes = MonitoringRows.unit(jdbc, "DINKES", "Dinas Kesehatan", null);
            UUID puskesmas = MonitoringRows.unit(jdbc, "PKM-TOBADAK", "Puskesmas Tobadak", dinkes);
            UUID bappeda = MonitoringRows.unit(jdbc, "BAPPEDA", "Bappeda", null);
            jdbc.sql(
                            TenantSql.of(
                                    "insert into {local_holiday} (id, date, name, unit_id) values (?, ?, 'Hari jadi Dinkes', ?)"))
                    .params(UUID.randomUUID(), HOLIDAY, dinkes)
                    .update();

            // Ana: WFO every working day, late on the 3rd (15 min) and the 4th (10 min), and in on Saturday the 7th.
            UUID ana = MonitoringRows.person(jdbc, "Ana", dinkes);
            for (LocalDate d = NOV; d.getMonthValue() == 11; d = d.plusDays(1)) {
                if (d.getDayOfWeek().getValue() <= 5 && !d.equals(HOLIDAY)) {
                    MonitoringRows.checkIn(
                            jdbc, ana, d, "WFO", d.getDayOfMonth() == 3 ? 15 : d.getDayOfMonth() == 4 ? 10 : 0);
                }
            }
            MonitoringRows.checkIn(jdbc, ana, day(7), "WFO", 0);
            report(ana, day(2), 2);
            report(ana, day(3), 1);
            report(ana, day(4), 0);

            // Beni: WFA on Thursdays, an approved izin on the 2nd and 3rd, a pending one on the 4th.
            UUID beni = MonitoringRows.person(jdbc, "Beni", dinkes);
            for (int d : new int[] {5, 12, 19, 26}) {
                MonitoringRows.checkIn(jdbc, beni, day(d), "WFA", 0);
            }
            MonitoringRows.absence(jdbc, beni, "IZIN", day(2), day(3), "APPROVED");
            MonitoringRows.absence(jdbc, beni, "IZIN", day(4), day(4), "PENDING");

            // Cici, in the Puskesmas: dinas luar checked in the 9th to the 13th, sick the 16th to the 20th, a dinas
            // luar absence on the 23rd and 24th, but in the office on the 24th.
            UUID cici = MonitoringRows.person(jdbc, "Cici", puskesmas);
            for (int d = 9; d <= 13; d++) {
                MonitoringRows.checkIn(jdbc, cici, day(d), "DL", 0);
            }
            MonitoringRows.absence(jdbc, cici, "SAKIT", day(16), day(20), "APPROVED");
            MonitoringRows.absence(jdbc, cici, "DINAS_LUAR", day(23), day(24), "APPROVED");
            MonitoringRows.checkIn(jdbc, cici, day(24), "WFO", 0);

            // Dodi, in the Puskesmas: started on the 16th, on leave the 30th, never checked in.
            UUID dodi = MonitoringRows.person(jdbc, "Dodi", puskesmas);
            jdbc.sql(TenantSql.of("update {employee} set start_date = ? where id = ?"))
                    .params(day(16), dodi)
                    .update();
            MonitoringRows.absence(jdbc, dodi, "CUTI", day(30), day(30), "APPROVED");

            UUID eko = MonitoringRows.person(jdbc, "Eko", dinkes);
            jdbc.sql(TenantSql.of("update {employee} set status = 'RETIRED' where id = ?"))
                    .param(eko)
                    .update();
            UUID hadi = MonitoringRows.person(jdbc, "Hadi", bappeda);
            jdbc.sql(TenantSql.of("update {org_unit} set head_employee_id = ? where id = ?"))
                    .params(hadi, bappeda)
                    .update();
            MonitoringRows.checkIn(jdbc, hadi, day(2), "WFO", 0);
        });
    }

    @AfterEach
    void dropTenant() {
        TestTenants.remove(jdbc, registry, code);
    }

    @Test
    void novemberOfAnOpdEqualsAHandCountWithItsPuskesmasRolledIn() {
        Digests.Digest digest = november(leader(), "DINKES");

        assertThat(digest.counted()).isEqualTo(day(30));
        assertThat(digest.weeks())
                .extracting(DigestPeriod.Week::label)
                .containsExactly("2026-W44", "2026-W45", "2026-W46", "2026-W47", "2026-W48", "2026-W49");
        assertThat(digest.people())
                .extracting(Digests.PersonDigest::name)
                .as("Eko retired, Hadi is in Bappeda")
                .containsExactly("Ana", "Beni", "Cici", "Dodi");
        assertThat(digest.people())
                .extracting(Digests.PersonDigest::unit)
                .containsExactly("Dinas Kesehatan", "Dinas Kesehatan", "Puskesmas Tobadak", "Puskesmas Tobadak");

        // working, present, wfo, wfa, dl, late days, late minutes, excused, izin, sakit, cuti, dl excused, absent,
        // report days, activities
        assertThat(person(digest, "Ana").total()).isEqualTo(new Tally(20, 21, 21, 0, 0, 2, 25, 0, 0, 0, 0, 0, 0, 2, 3));
        assertThat(person(digest, "Beni").total())
                .as("a pending izin excuses nothing")
                .isEqualTo(new Tally(20, 4, 0, 4, 0, 0, 0, 2, 2, 0, 0, 0, 14, 0, 0));
        assertThat(person(digest, "Cici").total())
                .as("the check-in on the 24th wins over the dinas luar absence")
                .isEqualTo(new Tally(20, 6, 1, 0, 5, 0, 0, 5, 0, 4, 0, 1, 9, 0, 0));
        assertThat(person(digest, "Dodi").total())
                .as("nothing expected before the 16th")
                .isEqualTo(new Tally(10, 0, 0, 0, 0, 0, 0, 1, 0, 0, 1, 0, 9, 0, 0));
        assertThat(digest.total()).isEqualTo(new Tally(70, 31, 22, 4, 5, 2, 25, 8, 2, 4, 1, 1, 32, 2, 3));

        assertThat(digest.totalByWeek().get(0)).as("the 1st is a Sunday").isEqualTo(Tally.NONE);
        assertThat(person(digest, "Ana").weeks().get(1))
                .as("2–8 November, with the Saturday")
                .isEqualTo(new Tally(5, 6, 6, 0, 0, 2, 25, 0, 0, 0, 0, 0, 0, 2, 3));
        assertThat(person(digest, "Cici").weeks().get(3))
                .as("16–22 November: the 20th is the OPD's holiday")
                .isEqualTo(new Tally(4, 0, 0, 0, 0, 0, 0, 4, 0, 4, 0, 0, 0, 0, 0));
        assertThat(digest.totalByWeek().get(5))
                .as("the 30th alone")
                .isEqualTo(new Tally(4, 1, 1, 0, 0, 0, 0, 1, 0, 0, 1, 0, 2, 0, 0));
        assertThat(digest.totalByWeek().stream().reduce(Tally.NONE, Tally::plus))
                .isEqualTo(digest.total());

        Digests.Digest puskesmas = november(leader(), "PKM-TOBADAK");
        assertThat(puskesmas.people()).extracting(Digests.PersonDigest::name).containsExactly("Cici", "Dodi");
    }

    @Test
    void aRunningWeekIsCountedUpToTodayAndTodayIsNotAbsentYet() {
        Digests.Digest week =
                as(() -> digests.of(tenant, leader(), "DINKES", digests.period(tenant, null, "2026-W49")));

        assertThat(week.from()).isEqualTo(day(30));
        assertThat(week.to()).isEqualTo(LocalDate.parse("2026-12-06"));
        assertThat(week.counted()).isEqualTo(LocalDate.parse("2026-12-02"));
        assertThat(person(week, "Ana").total())
                .as("in on the 30th, not on the 1st, today still open")
                .isEqualTo(new Tally(3, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0));
    }

    @Test
    void theTenantAdminWhoSeesCountsOnlyIsRefusedAndTheHeadOfAUnitSeesOnlyTheirs() {
        assertThatThrownBy(() -> november(caller("admin", "tenant-admin"), "DINKES"))
                .isInstanceOf(Problem.class)
                .hasMessageContaining("A digest lists persons; your role sees counts only");
        assertThatThrownBy(() -> as(() -> digests.choices(caller("admin", "tenant-admin"))))
                .isInstanceOf(Problem.class);
        assertThatThrownBy(() -> november(caller("beni", "asn"), "DINKES"))
                .isInstanceOf(Problem.class)
                .hasMessageContaining("Monitoring is for leaders");

        assertThat(as(() -> digests.choices(caller("hadi", "atasan"))))
                .extracting(Digests.Choice::code)
                .containsExactly("BAPPEDA");
        assertThat(november(caller("hadi", "atasan"), "BAPPEDA").people())
                .extracting(Digests.PersonDigest::name)
                .containsExactly("Hadi");
        assertThatThrownBy(() -> november(caller("hadi", "atasan"), "DINKES"))
                .isInstanceOf(Problem.class)
                .hasMessageContaining("Dinas Kesehatan is not one of them");

        assertThat(as(() -> digests.choices(caller("bkd", "bkd"))))
                .containsExactly(
                        new Digests.Choice("BAPPEDA", "Bappeda", 0),
                        new Digests.Choice("DINKES", "Dinas Kesehatan", 0),
                        new Digests.Choice("PKM-TOBADAK", "Puskesmas Tobadak", 1));
        assertThatThrownBy(() -> november(leader(), "NOPE"))
                .isInstanceOf(Problem.class)
                .hasMessageContaining("no unit with the code NOPE");
    }

    @Test
    void theWorkbookHasASheetForTheMonthAndOnePerWeekWithTheSameCounts() throws IOException {
        Digests.Digest digest = november(leader(), "DINKES");
        byte[] xlsx = workbook.write(digest, Locale.forLanguageTag("id"));

        try (ReadableWorkbook book = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            assertThat(book.getSheets().map(Sheet::getName).toList())
                    .containsExactly(
                            "Seluruh periode", "2026-W44", "2026-W45", "2026-W46", "2026-W47", "2026-W48", "2026-W49");
            Map<Integer, Row> month = rows(book.getFirstSheet());
            assertThat(text(month.get(0), 0)).contains("Rekap Dinas Kesehatan \u00b7 2026-11");
            assertThat(text(month.get(1), 0)).contains("2026-11-01 \u2013 2026-11-30", "dihitung sampai 2026-11-30");
            Row heading = month.get(DigestWorkbook.HEADING_ROW);
            assertThat(text(heading, 1)).contains("Nama");
            assertThat(text(heading, DigestWorkbook.FIRST_COUNT_COLUMN)).contains("Hari kerja");
            assertThat(text(heading, DigestWorkbook.FIRST_COUNT_COLUMN + 12)).contains("Tanpa keterangan");

            Row cici = month.get(DigestWorkbook.HEADING_ROW + 3);
            assertThat(text(cici, 1)).contains("Cici");
            assertThat(text(cici, 3)).contains("Puskesmas Tobadak");
            assertThat(counts(cici)).containsExactly(20, 6, 1, 0, 5, 0, 0, 5, 0, 4, 0, 1, 9, 0, 0);
            Row total = month.get(DigestWorkbook.HEADING_ROW + 5);
            assertThat(text(total, 1)).contains("Jumlah");
            assertThat(counts(total)).containsExactly(70, 31, 22, 4, 5, 2, 25, 8, 2, 4, 1, 1, 32, 2, 3);

            Map<Integer, Row> week47 = rows(book.getSheets()
                    .filter(s -> s.getName().equals("2026-W47"))
                    .findFirst()
                    .orElseThrow());
            assertThat(text(week47.get(1), 0)).contains("2026-11-16 \u2013 2026-11-22");
            assertThat(counts(week47.get(DigestWorkbook.HEADING_ROW + 3)))
                    .containsExactly(4, 0, 0, 0, 0, 0, 0, 4, 0, 4, 0, 0, 0, 0, 0);
        }

        try (ReadableWorkbook english =
                new ReadableWorkbook(new ByteArrayInputStream(workbook.write(digest, Locale.ENGLISH)))) {
            assertThat(english.getFirstSheet().getName()).isEqualTo("Whole period");
            assertThat(text(
                            rows(english.getFirstSheet()).get(DigestWorkbook.HEADING_ROW),
                            DigestWorkbook.FIRST_COUNT_COLUMN))
                    .isEqualTo("Working days");
        }
        assertThat(workbook.fileName(digest, Locale.forLanguageTag("id"))).isEqualTo("rekap-DINKES-2026-11.xlsx");
    }

    /** The sheet's rows by their index from 0, as the workbook was written (the reader skips empty rows). */
    private static Map<Integer, Row> rows(Sheet sheet) throws IOException {
        Map<Integer, Row> rows = new java.util.HashMap<>();
        sheet.read().forEach(r -> rows.put(r.getRowNum() - 1, r));
        return rows;
    }

    private static String text(Row row, int column) {
        return row.getCellAsString(column).orElse("");
    }

    private static List<Integer> counts(Row row) {
        return java.util.stream.IntStream.range(
                        DigestWorkbook.FIRST_COUNT_COLUMN, DigestWorkbook.FIRST_COUNT_COLUMN + Tally.COLUMNS.size())
                .mapToObj(c ->
                        row.getCellAsNumber(c).map(BigDecimal::intValueExact).orElseThrow())
                .toList();
    }

    private Digests.Digest november(Caller caller, String unit) {
        return as(() -> digests.of(tenant, caller, unit, digests.period(tenant, "2026-11", null)));
    }

    private static Digests.PersonDigest person(Digests.Digest digest, String name) {
        return digest.people().stream()
                .filter(p -> p.name().equals(name))
                .findFirst()
                .orElseThrow();
    }

    private static LocalDate day(int dayOfNovember) {
        return NOV.withDayOfMonth(dayOfNovember);
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

    /** A day's report with this many activities (none: a day opened and left empty). */
    private void report(UUID employee, LocalDate date, int activities) {
        UUID day = UUID.randomUUID();
        jdbc.sql(TenantSql.of(
                        "insert into {report_day} (id, employee_id, work_date, status) values (?, ?, ?, 'PENDING')"))
                .params(day, employee, date)
                .update();
        for (int i = 0; i < activities; i++) {
            jdbc.sql(TenantSql.of(
                            "insert into {report_activity} (id, day_id, description, quantity, unit, minutes, created_at)"
                                    + " values (?, ?, 'Rapat', 1, 'kegiatan', 60, now())"))
                    .params(UUID.randomUUID(), day)
                    .update();
        }
    }
}
