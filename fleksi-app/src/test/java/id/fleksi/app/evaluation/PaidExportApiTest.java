package id.fleksi.app.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import id.fleksi.app.testing.AppIntegrationTest;
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
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The pay file of a closed month after a correction, through the API with real tokens: BKD closes last month for Dinas
 * Kesehatan, records a correction for employee 9 (of {@link MonthRows}), who had nothing on the month's 13th weekday (10%
 * unexcused under the second rules, 10.5% in all), and her permission for that day is approved: 0.5% now. The XLSX, the
 * PDF, the CSV and the JSON keep the 10.5% she was paid and say "closed on ..., version 1" with the correction open;
 * closed again, they carry 0.5% as version 2. BKPSDM, never closed, is exported as computed now, and says so; the
 * pemda's CSV mixes both.
 */
class PaidExportApiTest extends AppIntegrationTest {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final Locale INDONESIAN = Locale.forLanguageTag("id");

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

    String code = TestRealms.unique("dibayar");
    YearMonth month = YearMonth.now(ZoneId.of("Asia/Makassar")).minusMonths(1);
    MonthRows rows;
    UUID ninth;
    String ninthNip = "198001012005011009";
    String bkpsdmNip = "198001012005011007";

    @BeforeEach
    void tenant() {
        onboarding.onboard(new NewTenant(
                code, "Kabupaten Mamuju Tengah", TenantKind.KABUPATEN, null, "76.06", RegionTimeZone.WITA));
        rows = new MonthRows(jdbc, code, month);
        rows.rules(rules, cache, code);
        UUID dinkes = rows.unit("DINKES", "Dinas Kesehatan", null, "DINAS");
        UUID bkpsdm = rows.unit("BKPSDM", "BKPSDM", null, "BADAN");
        rows.work(rows.employee("198001012005011001", "Siti Aparatur", dinkes, null, null), 1);
        rows.work(rows.employee("198001012005011005", "Pegawai Nomor 5", dinkes, null, null), 5);
        ninth = rows.employee(ninthNip, "Pegawai Nomor 9", dinkes, null, null);
        rows.work(ninth, 9);
        rows.work(rows.employee(bkpsdmNip, "Pegawai Nomor 7", bkpsdm, null, null), 7);
        TestRealms.addTestClient(code, "fleksi-api");
        TestRealms.addUser(realmUsers, code, "bkd", Role.BKD);
    }

    @AfterEach
    void remove() {
        TestRealms.removeTenant(realms, jdbc, code);
    }

    @Test
    void theExportsOfAClosedMonthCarryWhatWasPaidAfterACorrectionUntilBkdClosesAgain() throws IOException {
        RestClient bkd = api(TestRealms.token(code, "bkd"));
        String closings = "/api/v1/t/" + code + "/evaluation/closings/" + month;

        // Open: the current computation, and said so.
        assertThat(heading(workbook(bkd, "DINKES"))).startsWith("Belum ditutup: perhitungan saat ini");
        assertThat(csv(bkd, null))
                .allSatisfy(r -> assertThat(r.get("figures")).isEqualTo("current"))
                .allSatisfy(r -> assertThat(r.get("closing_version")).isEmpty());

        assertThat(bkd.post()
                        .uri(closings)
                        .contentType(MediaType.APPLICATION_JSON)
                        .body(Map.of("opd", "DINKES"))
                        .retrieve()
                        .toBodilessEntity()
                        .getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        LocalDate thirteenth = rows.weekday(12);
        assertThat(bkd.post()
                        .uri("/api/v1/t/" + code + "/evaluation/corrections")
                        .contentType(MediaType.APPLICATION_JSON)
                        .body(Map.of(
                                "employeeId",
                                ninth.toString(),
                                "from",
                                thirteenth.toString(),
                                "reason",
                                "Surat izin baru diserahkan"))
                        .retrieve()
                        .toBodilessEntity()
                        .getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        rows.absence(ninth, "IZIN", thirteenth);
        assertThat(evaluations.employee(TenantCode.of(code), ninth, month).deductionPercent())
                .isEqualByComparingTo("0.5");
        String closedOn = "Ditutup pada "
                + DateTimeFormatter.ofPattern("d MMMM yyyy", INDONESIAN)
                        .format(LocalDate.now(ZoneId.of("Asia/Makassar")));
        String closingPage = "/t/" + code + "/evaluation/closing?month=" + month;

        // Closed, a correction open: the paid 10.5% everywhere, the heading says version 1 and where to compare.
        List<Row> sheet = workbook(bkd, "DINKES");
        assertThat(heading(sheet))
                .isEqualTo(closedOn + ", versi 1: angka sebagaimana dibayarkan. Ada 1 koreksi terbuka sejak"
                        + " ditutup: perhitungan saat ini dapat berbeda dari angka yang dibayarkan; bandingkan di halaman Tutup bulan ("
                        + closingPage + ").");
        assertThat(cell(sheet, ninthNip, "Tanpa keterangan")).isEqualByComparingTo("1");
        assertThat(cell(sheet, ninthNip, "Potongan TPP (%)")).isEqualByComparingTo("10.5");
        assertThat(sheet.get(sheet.size() - 1).getCellAsString(0).orElse(""))
                .isEqualTo("Perhitungan saat ini berbeda dari angka"
                        + " yang dibayarkan untuk 1 pegawai; keduanya berdampingan di halaman Tutup bulan ("
                        + closingPage + "). Untuk"
                        + " membayarkan perubahan, BKD menutup bulan itu lagi.");
        String recap = recap(bkd, "DINKES");
        assertThat(recap)
                .contains(
                        closedOn + ", versi 1: angka sebagaimana dibayarkan.",
                        "Ada 1 koreksi terbuka",
                        "Perhitungan saat ini berbeda dari angka yang dibayarkan untuk 1 pegawai");
        assertThat(recap.lines()
                        .filter(l -> l.contains(ninthNip))
                        .findFirst()
                        .orElseThrow()
                        .strip())
                .endsWith("10,50");
        List<CSVRecord> pemda = csv(bkd, null);
        assertThat(pemda)
                .extracting(
                        r -> r.get("nip"),
                        r -> r.get("figures"),
                        r -> r.get("closing_version"),
                        r -> r.get("deduction_percent"),
                        r -> r.get("current_differs"))
                .contains(
                        org.assertj.core.groups.Tuple.tuple(ninthNip, "paid", "1", "10.50", "true"),
                        org.assertj.core.groups.Tuple.tuple(bkpsdmNip, "current", "", current(bkpsdmNip), "false"));
        assertThat(pemda)
                .filteredOn(r -> r.get("opd_name").equals("Dinas Kesehatan"))
                .hasSize(3)
                .allSatisfy(r -> assertThat(r.get("figures")).isEqualTo("paid"))
                .allSatisfy(r -> assertThat(r.get("closed_at")).isNotEmpty());
        JsonNode json = json(bkd, "DINKES");
        assertThat(json.at("/figures/statement").asString()).startsWith(closedOn + ", versi 1");
        assertThat(json.at("/figures/opds/0/state").asString()).isEqualTo("CORRECTING");
        assertThat(json.at("/figures/closing_page").asString()).isEqualTo(closingPage);
        assertThat(json.at("/current_differs_count").asInt()).isEqualTo(1);
        JsonNode ninthJson = employee(json, ninthNip);
        assertThat(ninthJson.get("deduction_percent").decimalValue()).isEqualByComparingTo("10.5");
        assertThat(ninthJson.get("figures").asString()).isEqualTo("paid");
        assertThat(ninthJson.get("closing_version").asInt()).isEqualTo(1);
        assertThat(ninthJson.get("current_differs").asBoolean()).isTrue();
        JsonNode open = json(bkd, "BKPSDM");
        assertThat(open.at("/figures/statement").asString()).startsWith("Belum ditutup: perhitungan saat ini");
        assertThat(employee(open, bkpsdmNip).get("figures").asString()).isEqualTo("current");
        assertThat(json(bkd, null).at("/figures/statement").asString()).startsWith("Ditutup untuk 1 dari 2 OPD");

        // Closed again: version 2 pays 0.5%, nothing differs.
        assertThat(bkd.post()
                        .uri(closings)
                        .contentType(MediaType.APPLICATION_JSON)
                        .body(Map.of("opd", "DINKES"))
                        .retrieve()
                        .toBodilessEntity()
                        .getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        sheet = workbook(bkd, "DINKES");
        assertThat(heading(sheet)).isEqualTo(closedOn + ", versi 2: angka sebagaimana dibayarkan.");
        assertThat(cell(sheet, ninthNip, "Tanpa keterangan")).isEqualByComparingTo("0");
        assertThat(cell(sheet, ninthNip, "Potongan TPP (%)")).isEqualByComparingTo("0.5");
        assertThat(sheet.get(sheet.size() - 1).getCellAsString(2).orElse("")).startsWith("Jumlah (3 pegawai)");
        recap = recap(bkd, "DINKES");
        assertThat(recap)
                .contains(closedOn + ", versi 2")
                .doesNotContain("koreksi terbuka", "Perhitungan saat ini berbeda");
        assertThat(recap.lines()
                        .filter(l -> l.contains(ninthNip))
                        .findFirst()
                        .orElseThrow()
                        .strip())
                .endsWith("0,50");
        assertThat(csv(bkd, "DINKES"))
                .filteredOn(r -> r.get("nip").equals(ninthNip))
                .singleElement()
                .satisfies(r -> assertThat(
                                List.of(r.get("closing_version"), r.get("deduction_percent"), r.get("current_differs")))
                        .containsExactly("2", "0.50", "false"));
        json = json(bkd, "DINKES");
        assertThat(employee(json, ninthNip).get("deduction_percent").decimalValue())
                .isEqualByComparingTo("0.5");
        assertThat(json.at("/figures/opds/0/closing_version").asInt()).isEqualTo(2);
        assertThat(json.at("/current_differs_count").asInt()).isZero();
    }

    /** BKPSDM's employee's deduction as computed now, two decimals as the CSV writes it. */
    private String current(String nip) {
        List<String> found = new java.util.ArrayList<>();
        evaluations.each(TenantCode.of(code), month, null, m -> {
            if (nip.equals(m.nip())) {
                found.add(m.deductionPercent()
                        .setScale(2, java.math.RoundingMode.HALF_UP)
                        .toPlainString());
            }
        });
        return found.get(0);
    }

    private List<Row> workbook(RestClient bkd, String unit) throws IOException {
        byte[] file = bkd.get()
                .uri("/api/v1/t/{c}/evaluation/exports/month.xlsx?month={m}&unit={u}", code, month, unit)
                .header("Accept", XLSX)
                .retrieve()
                .body(byte[].class);
        try (ReadableWorkbook book = new ReadableWorkbook(new ByteArrayInputStream(file))) {
            return book.getFirstSheet().read();
        }
    }

    /** The sentence under the workbook's title and note (its third row) that says whose figures it carries. */
    private static String heading(List<Row> sheet) {
        return sheet.stream()
                .filter(r -> r.getRowNum() == 3)
                .findFirst()
                .orElseThrow()
                .getCellAsString(0)
                .orElseThrow();
    }

    private static BigDecimal cell(List<Row> sheet, String nip, String column) {
        Row heading = sheet.stream()
                .filter(r -> r.getCellAsString(1).orElse("").equals("NIP"))
                .findFirst()
                .orElseThrow();
        int c = java.util.stream.IntStream.range(0, heading.getCellCount())
                .filter(i -> heading.getCellAsString(i).orElse("").equals(column))
                .findFirst()
                .orElseThrow();
        return sheet.stream()
                .filter(r -> r.getCellAsString(1).orElse("").equals(nip))
                .findFirst()
                .orElseThrow()
                .getCellAsNumber(c)
                .orElseThrow();
    }

    private String recap(RestClient bkd, String unit) throws IOException {
        byte[] file = bkd.get()
                .uri("/api/v1/t/{c}/evaluation/exports/recap.pdf?month={m}&unit={u}", code, month, unit)
                .header("Accept", "application/pdf")
                .retrieve()
                .body(byte[].class);
        try (PDDocument pdf = Loader.loadPDF(file)) {
            return new PDFTextStripper().getText(pdf);
        }
    }

    private List<CSVRecord> csv(RestClient bkd, String unit) throws IOException {
        String text = new String(
                bkd.get()
                        .uri(
                                "/api/v1/t/{c}/evaluation/exports/results.csv?month={m}"
                                        + (unit == null ? "" : "&unit=" + unit),
                                code,
                                month)
                        .retrieve()
                        .body(byte[].class),
                StandardCharsets.UTF_8);
        return CSVFormat.RFC4180
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(new StringReader(text))
                .getRecords();
    }

    private JsonNode json(RestClient bkd, String unit) {
        return JSON.readTree(bkd.get()
                .uri(
                        "/api/v1/t/{c}/evaluation/exports/results.json?month={m}"
                                + (unit == null ? "" : "&unit=" + unit),
                        code,
                        month)
                .retrieve()
                .body(byte[].class));
    }

    private static JsonNode employee(JsonNode json, String nip) {
        for (JsonNode e : json.get("employees")) {
            if (nip.equals(e.get("nip").asString())) {
                return e;
            }
        }
        throw new AssertionError("No employee " + nip);
    }

    private RestClient api(String token) {
        return RestClient.builder()
                .baseUrl("http://127.0.0.1:" + port)
                .defaultHeader("Authorization", "Bearer " + token)
                .defaultStatusHandler(status -> true, (request, response) -> {})
                .build();
    }
}
