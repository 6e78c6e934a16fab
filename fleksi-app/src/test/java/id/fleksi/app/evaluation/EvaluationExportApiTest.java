package id.fleksi.app.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import id.fleksi.app.testing.AppIntegrationTest;
import id.fleksi.modules.evaluation.EmployeeMonth;
import id.fleksi.modules.evaluation.MonthlyEvaluations;
import id.fleksi.modules.evaluation.rules.RuleSets;
import id.fleksi.platform.security.Role;
import id.fleksi.platform.tenancy.RegionTimeZone;
import id.fleksi.platform.tenancy.TenantCache;
import id.fleksi.platform.tenancy.TenantCode;
import id.fleksi.platform.tenancy.TenantKind;
import id.fleksi.provisioning.onboarding.NewTenant;
import id.fleksi.provisioning.onboarding.TenantOnboarding;
import id.fleksi.provisioning.realm.RealmProvisioner;
import id.fleksi.provisioning.realm.RealmUsers;
import id.fleksi.provisioning.testing.TestRealms;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.client.RestClient;

/**
 * The month's workbook and recap through the API with real tokens, read back: every employee's row and the totals are the
 * real evaluation's for the same month (Dinas Kesehatan and its Puskesmas, 45 people with the varied month of
 * {@link MonthRows}), and a few figures worked out by hand from the rows written; the recap names the OPD, the month, every employee, the totals and its head, on numbered pages (both pages
 * are saved, one above the other, as docs/screens/evaluation-recap.png for a person to look at). An ordinary ASN is refused.
 */
class EvaluationExportApiTest extends AppIntegrationTest {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Autowired
    TenantOnboarding onboarding;

    @Autowired
    RealmProvisioner realms;

    @Autowired
    RealmUsers realmUsers;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MonthlyEvaluations evaluations;

    @Autowired
    RuleSets rules;

    @Autowired
    TenantCache cache;

    @LocalServerPort
    int port;

    String code = TestRealms.unique("eksporapi");
    YearMonth month = YearMonth.now(ZoneId.of("Asia/Makassar")).minusMonths(1);
    UUID dinkes;
    List<String> nips = new ArrayList<>();

    @BeforeEach
    void tenant() {
        onboarding.onboard(new NewTenant(
                code, "Kabupaten Mamuju Tengah", TenantKind.KABUPATEN, null, "76.06", RegionTimeZone.WITA));
        MonthRows rows = new MonthRows(jdbc, code, month);
        rows.rules(rules, cache, code);
        dinkes = rows.unit("DINKES", "Dinas Kesehatan", null, "DINAS");
        UUID puskesmas = rows.unit("PKM", "UPT Puskesmas Tobadak", dinkes, "UPT");
        rows.unit("BKPSDM", "BKPSDM", null, "BADAN");
        UUID head = rows.employee("197502102000031004", "dr. Hasanuddin, M.Kes", dinkes, null, "kadis");
        jdbc.sql("update tenant_" + code + ".org_unit set head_employee_id = ? where id = ?")
                .params(head, dinkes)
                .update();
        rows.work(head, 0);
        nips.add("197502102000031004");
        for (int i = 1; i <= 44; i++) {
            String name = switch (i) {
                case 1 -> "Siti Aparatur";
                case 2 -> "Andi Pegawai";
                case 3 -> "Muhammad Ridwan Syahputra Wijayakusuma Daeng Matutu";
                default -> "Pegawai Nomor " + i;
            };
            String nip = String.format("19800101200501%04d", 1000 + i);
            nips.add(nip);
            rows.work(rows.employee(nip, name, i % 2 == 0 ? puskesmas : dinkes, head, null), i);
        }
        TestRealms.addTestClient(code, "fleksi-api");
        TestRealms.addUser(realmUsers, code, "bkd", Role.BKD);
        TestRealms.addUser(realmUsers, code, "kadis", Role.ATASAN);
        TestRealms.addUser(realmUsers, code, "asn", Role.ASN);
    }

    @AfterEach
    void remove() {
        TestRealms.removeTenant(realms, jdbc, code);
    }

    @Test
    void bkdTakesTheOpdsWorkbookWhoseRowsAndTotalsAreTheEvaluations() throws IOException {
        ResponseEntity<byte[]> file = api(TestRealms.token(code, "bkd"))
                .get()
                .uri("/api/v1/t/{c}/evaluation/exports/month.xlsx?month={m}&unit=DINKES", code, month)
                .header("Accept", XLSX)
                .retrieve()
                .toEntity(byte[].class);

        assertThat(file.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(file.getHeaders().getContentType().toString()).isEqualTo(XLSX);
        assertThat(file.getHeaders().getContentDisposition().getFilename()).isEqualTo("tpp-DINKES-" + month + ".xlsx");
        List<EmployeeMonth> evaluation = evaluation();
        assertThat(evaluation).hasSize(45);
        try (ReadableWorkbook book = new ReadableWorkbook(new ByteArrayInputStream(file.getBody()))) {
            List<Row> rows = book.getFirstSheet().read();
            int h = java.util.stream.IntStream.range(0, rows.size())
                    .filter(r -> rows.get(r).getCellAsString(1).orElse("").equals("NIP"))
                    .findFirst()
                    .orElseThrow();
            Row heading = rows.get(h);
            assertThat(heading.getRowNum()).isEqualTo(4);
            assertThat(heading.getCellAsString(1)).contains("NIP");
            assertThat(heading.getCellAsString(2)).contains("Nama");
            int late = column(heading, "Terlambat (menit)");
            int sick = column(heading, "Sakit");
            int other = column(heading, "Absen lain");
            int unexcused = column(heading, "Tanpa keterangan");
            int deduction = column(heading, "Potongan TPP (%)");
            int compliance = column(heading, "Laporan tepat waktu (%)");
            int working = column(heading, "Hari kerja");
            int cuti = column(heading, "Cuti");
            assertThat(rows).hasSize(h + 1 + evaluation.size() + 1);
            long lateSum = 0;
            long sickSum = 0;
            long unexcusedSum = 0;
            long workingSum = 0;
            for (int i = 0; i < evaluation.size(); i++) {
                EmployeeMonth m = evaluation.get(i);
                Row row = rows.get(h + 1 + i);
                assertThat(row.getCellAsString(1)).contains(m.nip());
                assertThat(row.getCellAsString(2)).contains(m.name());
                assertThat(row.getCellAsNumber(working)).contains(BigDecimal.valueOf(m.workingDays()));
                assertThat(row.getCellAsNumber(late)).contains(BigDecimal.valueOf(m.lateMinutes()));
                assertThat(row.getCellAsNumber(sick))
                        .contains(BigDecimal.valueOf(m.absencesByKind().getOrDefault("SAKIT", 0)));
                assertThat(row.getCellAsNumber(cuti))
                        .contains(BigDecimal.valueOf(m.absencesByKind().getOrDefault("CUTI", 0)));
                assertThat(row.getCellAsNumber(unexcused)).contains(BigDecimal.valueOf(m.unexcusedDays()));
                assertThat(row.getCellAsNumber(other)).contains(BigDecimal.ZERO);
                assertThat(row.getCellAsNumber(deduction).orElseThrow()).isEqualByComparingTo(m.deductionPercent());
                lateSum += m.lateMinutes();
                sickSum += m.absencesByKind().getOrDefault("SAKIT", 0);
                unexcusedSum += m.unexcusedDays();
                workingSum += m.workingDays();
            }
            // By hand from the rows written (MonthRows): Siti (1) late 47 minutes (1%) and out 11 early (0.5%);
            // employee 9
            // late 17 minutes under the first rules (0.5%) and a day unexcused under the second (10%); 5 sick two days,
            // 7 on leave three.
            Row siti = rowOf(rows, h, nips.get(1));
            assertThat(siti.getCellAsNumber(late)).contains(BigDecimal.valueOf(47));
            assertThat(siti.getCellAsNumber(deduction).orElseThrow()).isEqualByComparingTo("1.5");
            Row ninth = rowOf(rows, h, nips.get(9));
            assertThat(ninth.getCellAsNumber(unexcused)).contains(BigDecimal.ONE);
            assertThat(ninth.getCellAsNumber(deduction).orElseThrow()).isEqualByComparingTo("10.5");
            assertThat(rowOf(rows, h, nips.get(5)).getCellAsNumber(sick)).contains(BigDecimal.valueOf(2));
            assertThat(rowOf(rows, h, nips.get(7)).getCellAsNumber(cuti)).contains(BigDecimal.valueOf(3));
            Row total = rows.get(rows.size() - 1);
            assertThat(total.getCellAsString(2)).contains("Jumlah (45 pegawai)");
            assertThat(total.getCellAsNumber(late)).contains(BigDecimal.valueOf(lateSum));
            assertThat(total.getCellAsNumber(sick)).contains(BigDecimal.valueOf(sickSum));
            assertThat(total.getCellAsNumber(unexcused)).contains(BigDecimal.valueOf(unexcusedSum));
            assertThat(unexcusedSum).isEqualTo(4); // employees 9, 18, 27 and 36
            assertThat(sickSum).isEqualTo(16); // eight of the 44 (5, 10, ..., 40), two days each
            assertThat(total.getCellAsNumber(working)).contains(BigDecimal.valueOf(workingSum));
            long filed = evaluation.stream()
                    .mapToLong(EmployeeMonth::reportDaysFiled)
                    .sum();
            long due =
                    evaluation.stream().mapToLong(EmployeeMonth::reportDaysDue).sum();
            assertThat(total.getCellAsNumber(compliance).orElseThrow())
                    .isEqualByComparingTo(BigDecimal.valueOf(filed * 100)
                            .divide(BigDecimal.valueOf(due), 2, java.math.RoundingMode.HALF_UP));
            assertThat(total.getCellAsNumber(deduction)).isEmpty();
        }
    }

    @Test
    void theHeadOfTheOpdTakesTheRecapToSignAndAnOrdinaryAsnIsRefused() throws IOException {
        ResponseEntity<byte[]> file = api(TestRealms.token(code, "kadis"))
                .get()
                .uri("/api/v1/t/{c}/evaluation/exports/recap.pdf?month={m}&unit=DINKES", code, month)
                .header("Accept", "application/pdf")
                .retrieve()
                .toEntity(byte[].class);

        assertThat(file.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(file.getHeaders().getContentType().toString()).isEqualTo("application/pdf");
        String monthName = java.time.format.DateTimeFormatter.ofPattern(
                        "MMMM yyyy", java.util.Locale.forLanguageTag("id"))
                .format(month);
        try (PDDocument pdf = Loader.loadPDF(file.getBody())) {
            String text = new PDFTextStripper().getText(pdf);
            assertThat(pdf.getNumberOfPages()).isEqualTo(2);
            assertThat(text)
                    .contains(
                            "REKAPITULASI KEHADIRAN DAN POTONGAN TPP",
                            "Dinas Kesehatan",
                            "Kabupaten Mamuju Tengah \u00b7 Bulan " + monthName,
                            "Jumlah (45 pegawai)",
                            "Kepala Dinas Kesehatan",
                            "dr. Hasanuddin, M.Kes",
                            "NIP 197502102000031004",
                            "Mamuju Tengah, ",
                            "Halaman 1 dari 2",
                            "Halaman 2 dari 2");
            List<EmployeeMonth> evaluation = evaluation();
            for (EmployeeMonth m : evaluation) {
                assertThat(text).contains(m.nip());
                if (m.name().length() < 35) {
                    assertThat(text).contains(m.name());
                }
            }
            assertThat(text).contains("Muhammad Ridwan Syahputra"); // a long name is cut to its cell, not lost
            int lateMinutes =
                    evaluation.stream().mapToInt(EmployeeMonth::lateMinutes).sum();
            assertThat(text).contains(String.valueOf(lateMinutes));
            BufferedImage first = new PDFRenderer(pdf).renderImageWithDPI(0, 110);
            BufferedImage last = new PDFRenderer(pdf).renderImageWithDPI(1, 110);
            BufferedImage image = new BufferedImage(
                    first.getWidth(), first.getHeight() + last.getHeight(), BufferedImage.TYPE_INT_RGB);
            java.awt.Graphics2D both = image.createGraphics();
            both.drawImage(first, 0, 0, null);
            both.drawImage(last, 0, first.getHeight(), null);
            both.setColor(java.awt.Color.GRAY);
            both.drawLine(0, first.getHeight(), first.getWidth(), first.getHeight());
            both.dispose();
            Path screen = Path.of("..", "docs", "screens", "evaluation-recap.png");
            Files.createDirectories(screen.getParent());
            ImageIO.write(image, "png", screen.toFile());
        }

        RestClient asn = api(TestRealms.token(code, "asn"));
        ResponseEntity<java.util.Map> refused = asn.get()
                .uri("/api/v1/t/{c}/evaluation/exports/results.json?month={m}&unit=DINKES", code, month)
                .retrieve()
                .toEntity(java.util.Map.class);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(refused.getBody()).containsEntry("title", "Tidak diizinkan");
        assertThat((String) refused.getBody().get("detail"))
                .isEqualTo(
                        "Ekspor bulanan untuk BKD dan kepala unit yang menandatangani rekapnya; Anda bukan keduanya.");
        assertThat(asn.get()
                        .uri("/api/v1/t/{c}/evaluation/exports/month.xlsx?month={m}&unit=DINKES", code, month)
                        .retrieve()
                        .toBodilessEntity()
                        .getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);

        ResponseEntity<java.util.Map> otherOpd = api(TestRealms.token(code, "kadis"))
                .get()
                .uri("/api/v1/t/{c}/evaluation/exports/recap.pdf?month={m}&unit=BKPSDM", code, month)
                .retrieve()
                .toEntity(java.util.Map.class);
        assertThat(otherOpd.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat((String) otherOpd.getBody().get("detail")).contains("BKPSDM bukan unit yang Anda pimpin");
    }

    /** Dinas Kesehatan's month as the real evaluation computes it now, in the exports' order. */
    private List<EmployeeMonth> evaluation() {
        List<EmployeeMonth> months = new ArrayList<>();
        evaluations.each(TenantCode.of(code), month, dinkes, months::add);
        return months;
    }

    private static Row rowOf(List<Row> rows, int heading, String nip) {
        return rows.stream()
                .skip(heading + 1)
                .filter(r -> r.getCellAsString(1).orElse("").equals(nip))
                .findFirst()
                .orElseThrow(() -> new AssertionError("No row for " + nip));
    }

    private static int column(Row heading, String title) {
        return java.util.stream.IntStream.range(0, heading.getCellCount())
                .filter(c -> heading.getCellAsString(c).orElse("").equals(title))
                .findFirst()
                .orElseThrow(() -> new AssertionError("No column " + title));
    }

    private RestClient api(String token) {
        return RestClient.builder()
                .baseUrl("http://127.0.0.1:" + port)
                .defaultHeader("Authorization", "Bearer " + token)
                .defaultStatusHandler(status -> true, (request, response) -> {})
                .build();
    }
}
