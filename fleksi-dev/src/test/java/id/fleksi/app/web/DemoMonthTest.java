package id.fleksi.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import id.fleksi.dev.demo.DemoSeed;
import id.fleksi.modules.evaluation.EmployeeMonth;
import id.fleksi.modules.evaluation.MonthlyEvaluations;
import id.fleksi.platform.tenancy.RegionTimeZone;
import id.fleksi.platform.tenancy.TenantCode;
import id.fleksi.platform.tenancy.TenantKind;
import id.fleksi.provisioning.onboarding.NewTenant;
import id.fleksi.provisioning.testing.TestRealms;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 18's "done means", walked on the demo as {@code fleksi up} seeds mateng, in one browser that three people use in
 * turn: BKD computes last month per OPD, closes it for the whole pemda, and downloads Diskominfo's XLSX and PDF from the
 * exports page, whose rows and totals are the evaluation's; Siti (asn) reads her deductions line by line and they add up
 * to her month's; the Bupati (pimpinan) finds the WFA trial's verdict in his menu and reads its conclusion.
 */
class DemoMonthTest extends PageTest {

    @Autowired
    DemoSeed demo;

    @Autowired
    MonthlyEvaluations evaluations;

    @Test
    void bkdClosesLastMonthAndPaysFromTheRecapsSitiAgreesWithHerLinesAndTheBupatiReadsTheVerdict() throws Exception {
        String code = TestRealms.unique("bulan");
        removeAfter(code);
        demo.tenant(
                new NewTenant(
                        code, "Kabupaten Mamuju Tengah", TenantKind.KABUPATEN, null, "76.06", RegionTimeZone.WITA),
                "mateng",
                300);
        demo.trialHistory(TenantCode.of(code));
        YearMonth last = YearMonth.now(ZoneId.of("Asia/Makassar")).minusMonths(1);
        String schema = "tenant_" + code;
        // Siti's OPD: the top of the units above her own.
        Map<String, Object> opd = jdbc.sql(
                        "with recursive up(id, parent_id, code, name) as (select u.id, u.parent_id, u.code, u.name"
                                + " from " + schema + ".org_unit u join " + schema
                                + ".employee e on e.unit_id = u.id where e.username = 'asn'"
                                + " union all select p.id, p.parent_id, p.code, p.name from " + schema
                                + ".org_unit p join up on p.id = up.parent_id)"
                                + " select id, code, name from up where parent_id is null")
                .query()
                .singleRow();
        String opdCode = (String) opd.get("code");
        List<EmployeeMonth> evaluation = new ArrayList<>();
        evaluations.each(TenantCode.of(code), last, (UUID) opd.get("id"), evaluation::add);
        // A month everyone worked: nobody's deduction reaches the cap, and Siti's has a line to read.
        assertThat(evaluation).hasSizeGreaterThan(10).noneMatch(EmployeeMonth::capped);

        WebDriver browser = Browser.chromium();
        try {
            // BKD computes last month: the pemda per OPD, then Siti's OPD, whose total is its employees'.
            logIn(browser, BASE + "/t/" + code + "/", "bkd", DemoSeed.PASSWORD);
            Browser.waitFor(browser, By.id("menu"));
            browser.findElement(By.linkText("Evaluasi per OPD")).click();
            Browser.waitFor(browser, By.id("pemda-total"));
            browser.findElement(By.linkText("\u2190 " + last)).click();
            new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(60))
                    .until(d -> d.findElement(By.tagName("h1")).getText().contains(last.toString()));
            browser.findElement(By.cssSelector("tr[data-unit='" + opdCode + "'] a"))
                    .click();
            Browser.waitFor(browser, By.id("unit-total"));
            shoot(browser, "bkd-opd");
            List<String> total = cells(browser.findElement(By.id("unit-total")));
            assertThat(total.get(1)).isEqualTo(String.valueOf(evaluation.size()));
            assertThat(total.get(2)).isEqualTo(String.valueOf(sum(evaluation, EmployeeMonth::workingDays)));
            assertThat(total.get(5)).isEqualTo(String.valueOf(sum(evaluation, EmployeeMonth::unexcusedDays)));

            // ... closes it for the whole pemda after reading what that means ...
            browser.get(BASE + "/t/" + code + "/");
            Browser.waitFor(browser, By.id("menu"));
            browser.findElement(By.linkText("Tutup bulan")).click();
            Browser.waitFor(browser, By.id("opds"));
            browser.get(BASE + "/t/" + code + "/evaluation/closing?month=" + last);
            Browser.waitFor(browser, By.id("close-all"));
            browser.findElement(By.id("close-all")).click();
            Browser.waitFor(browser, By.id("close"));
            shoot(browser, "bkd-close");
            browser.findElement(By.cssSelector("#close button")).click();
            Browser.waitFor(browser, By.id("done"));
            assertThat(browser.findElements(By.cssSelector("#opds tbody tr")))
                    .isNotEmpty()
                    .allSatisfy(
                            row -> assertThat(row.getAttribute("data-state")).isEqualTo("CLOSED"));

            // ... and downloads the OPD's XLSX and PDF from the exports page, last month chosen for her.
            browser.get(BASE + "/t/" + code + "/");
            Browser.waitFor(browser, By.id("menu"));
            browser.findElement(By.linkText("Ekspor bulanan (TPP)")).click();
            Browser.waitFor(browser, By.id("units"));
            assertThat(browser.findElement(By.cssSelector("#choose input[name=month]"))
                            .getAttribute("value"))
                    .isEqualTo(last.toString());
            shoot(browser, "bkd-exports");
            WebElement row = browser.findElement(By.cssSelector("#units tr[data-unit='" + opdCode + "']"));
            byte[] xlsx =
                    download(browser, row.findElement(By.cssSelector("a.xlsx")).getAttribute("href"));
            byte[] pdf =
                    download(browser, row.findElement(By.cssSelector("a.pdf")).getAttribute("href"));
            workbookIsTheEvaluation(xlsx, evaluation);
            try (PDDocument recap = Loader.loadPDF(pdf)) {
                javax.imageio.ImageIO.write(
                        new org.apache.pdfbox.rendering.PDFRenderer(recap).renderImageWithDPI(0, 80),
                        "png",
                        java.nio.file.Path.of("target", "demo-month-recap.png").toFile());
                String text = new PDFTextStripper().getText(recap);
                assertThat(text)
                        .contains(
                                "REKAPITULASI KEHADIRAN DAN POTONGAN TPP",
                                (String) opd.get("name"),
                                "Jumlah (" + evaluation.size() + " pegawai)",
                                "Kepala " + opd.get("name"));
                evaluation.forEach(m -> assertThat(text).contains(m.nip()));
                List<String> totals = List.of(text.lines()
                        .filter(l -> l.contains("Jumlah ("))
                        .findFirst()
                        .orElseThrow()
                        .split("\\s+"));
                assertThat(totals)
                        .contains(
                                String.valueOf(sum(evaluation, EmployeeMonth::workingDays)),
                                String.valueOf(sum(evaluation, EmployeeMonth::unexcusedDays)),
                                String.valueOf(sum(evaluation, EmployeeMonth::lateMinutes)));
            }

            // Siti reads her month line by line, and the lines add up to what is deducted.
            signOut(browser);
            logIn(browser, BASE + "/t/" + code + "/", "asn", DemoSeed.PASSWORD);
            Browser.waitFor(browser, By.id("menu"));
            browser.findElement(By.linkText("Evaluasi dan potongan TPP saya")).click();
            Browser.waitFor(browser, By.id("lines"));
            browser.findElement(By.id("previous")).click();
            Browser.waitFor(browser, By.id("lines"));
            assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Evaluasi saya, " + monthName(last));
            EmployeeMonth siti = evaluation.stream()
                    .filter(m -> m.name().equals("Siti Aparatur"))
                    .findFirst()
                    .orElseThrow();
            List<String> lines = browser.findElements(By.cssSelector("#lines li .why")).stream()
                    .map(WebElement::getText)
                    .toList();
            assertThat(lines)
                    .contains("Terlambat 45 menit (31\u201360 menit): 1%")
                    .containsExactlyElementsOf(siti.lines().stream()
                            .map(EmployeeMonth.DeductionLine::explanation)
                            .toList());
            BigDecimal added = lines.stream()
                    .map(l -> new BigDecimal(
                            l.substring(l.lastIndexOf(": ") + 2, l.length() - 1).replace(',', '.')))
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal deducted = new BigDecimal(browser.findElement(By.id("percent"))
                    .getText()
                    .replace("%", "")
                    .replace(',', '.'));
            assertThat(deducted).isEqualByComparingTo(siti.deductionPercent());
            if (siti.capped()) {
                assertThat(added).isGreaterThan(deducted);
                assertThat(browser.findElements(By.id("capped"))).hasSize(1);
            } else {
                assertThat(added).isEqualByComparingTo(deducted);
            }

            shoot(browser, "asn");

            // The Bupati opens the WFA trial's verdict from his menu.
            signOut(browser);
            logIn(browser, BASE + "/t/" + code + "/", "bupati", DemoSeed.PASSWORD);
            Browser.waitFor(browser, By.id("menu"));
            browser.findElement(By.linkText("Hasil uji coba WFA")).click();
            Browser.waitFor(browser, By.id("summary"));
            assertThat(browser.findElement(By.cssSelector("#summary p.conclusion"))
                            .getText())
                    .startsWith("Kesimpulan: ")
                    .doesNotContain("terlalu sedikit data");
            assertThat(browser.findElements(By.cssSelector("#charts figure svg")))
                    .hasSize(9);
            shoot(browser, "bupati");
        } finally {
            browser.quit();
        }
    }

    /** Every employee's row and the totals row of the workbook are the evaluation's. */
    private static void workbookIsTheEvaluation(byte[] xlsx, List<EmployeeMonth> evaluation) throws Exception {
        try (ReadableWorkbook book = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            List<Row> rows = book.getFirstSheet().read();
            int h = IntStream.range(0, rows.size())
                    .filter(r -> rows.get(r).getCellAsString(1).orElse("").equals("NIP"))
                    .findFirst()
                    .orElseThrow();
            Row heading = rows.get(h);
            int working = column(heading, "Hari kerja");
            int late = column(heading, "Terlambat (menit)");
            int unexcused = column(heading, "Tanpa keterangan");
            int deduction = column(heading, "Potongan TPP (%)");
            assertThat(rows).hasSize(h + 1 + evaluation.size() + 1);
            for (int i = 0; i < evaluation.size(); i++) {
                EmployeeMonth m = evaluation.get(i);
                Row employee = rows.get(h + 1 + i);
                assertThat(employee.getCellAsString(1)).contains(m.nip());
                assertThat(employee.getCellAsNumber(working)).contains(BigDecimal.valueOf(m.workingDays()));
                assertThat(employee.getCellAsNumber(late)).contains(BigDecimal.valueOf(m.lateMinutes()));
                assertThat(employee.getCellAsNumber(unexcused)).contains(BigDecimal.valueOf(m.unexcusedDays()));
                assertThat(employee.getCellAsNumber(deduction).orElseThrow())
                        .isEqualByComparingTo(m.deductionPercent());
            }
            Row total = rows.get(rows.size() - 1);
            assertThat(total.getCellAsString(2)).contains("Jumlah (" + evaluation.size() + " pegawai)");
            assertThat(total.getCellAsNumber(working))
                    .contains(BigDecimal.valueOf(sum(evaluation, EmployeeMonth::workingDays)));
            assertThat(total.getCellAsNumber(late))
                    .contains(BigDecimal.valueOf(sum(evaluation, EmployeeMonth::lateMinutes)));
            assertThat(total.getCellAsNumber(unexcused))
                    .contains(BigDecimal.valueOf(sum(evaluation, EmployeeMonth::unexcusedDays)));
        }
    }

    private static int column(Row heading, String name) {
        return IntStream.range(0, heading.getCellCount())
                .filter(c -> heading.getCellAsString(c).orElse("").equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("No column " + name));
    }

    private static long sum(List<EmployeeMonth> months, java.util.function.ToIntFunction<EmployeeMonth> figure) {
        return months.stream().mapToLong(figure::applyAsInt).sum();
    }

    private static List<String> cells(WebElement row) {
        return row.findElements(By.cssSelector("th, td")).stream()
                .map(WebElement::getText)
                .toList();
    }

    /** What the link gives the signed-in browser, as the download would save it. */
    private static byte[] download(WebDriver browser, String href) {
        String base64 = (String) ((JavascriptExecutor) browser).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0]).then(r => { if (!r.ok) { done('HTTP ' + r.status); return; }
                  return r.arrayBuffer().then(b => { let s = ''; new Uint8Array(b).forEach(x => s += String.fromCharCode(x));
                    done(btoa(s)); }); });""", href);
        assertThat(base64).doesNotStartWith("HTTP ");
        return Base64.getDecoder().decode(base64);
    }

    /** The next person on the same browser: every cookie gone, Fleksi's session and Keycloak's alike. */
    private static void signOut(WebDriver browser) {
        ((ChromeDriver) browser).executeCdpCommand("Network.clearBrowserCookies", Map.of());
    }

    /** "November 2026", as the page names a month. */
    private static String monthName(YearMonth month) {
        return java.time.format.DateTimeFormatter.ofPattern("MMMM yyyy", java.util.Locale.forLanguageTag("id"))
                .format(month);
    }

    /** The page as the person saw it, in target/demo-month-*.png, for a person to look at. */
    private static void shoot(WebDriver browser, String name) throws java.io.IOException {
        java.nio.file.Files.write(
                java.nio.file.Path.of("target", "demo-month-" + name + ".png"),
                ((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
    }
}
