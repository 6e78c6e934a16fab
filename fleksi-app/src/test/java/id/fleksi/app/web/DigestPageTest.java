package id.fleksi.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import id.fleksi.platform.security.Role;
import id.fleksi.provisioning.testing.TestRealms;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * The digest's page as BKD opens it: this month of an OPD with its Puskesmas, a person per row, the XLSX behind its
 * link; the tenant admin, who sees counts only, is told why there is no digest for them.
 */
class DigestPageTest extends PageTest {

    @Test
    void bkdReadsAnOpdsMonthWithItsSubUnitAndTakesTheWorkbookTheAdminIsRefused() {
        String code = onboard("rekap", "Kabupaten Rekap");
        String s = "tenant_" + code;
        UUID dinkes = UUID.randomUUID();
        UUID puskesmas = UUID.randomUUID();
        jdbc.sql("insert into " + s
                        + ".org_unit (id, code, name, kind) values (?, 'DINKES', 'Dinas Kesehatan', 'DINAS')")
                .param(dinkes)
                .update();
        jdbc.sql(
                        "insert into " + s
                                + ".org_unit (id, parent_id, code, name, kind) values (?, ?, 'PKM', 'Puskesmas Tobadak', 'UPT')")
                .params(puskesmas, dinkes)
                .update();
        employee(code, "bkd", "Budi Kepegawaian", dinkes, null, Role.BKD);
        employee(code, "pemantau", "Ali Admin", dinkes, null, Role.TENANT_ADMIN);
        UUID siti = employee(code, "asn", "Siti Aparatur", puskesmas, null, Role.ASN);
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Makassar"));
        jdbc.sql("insert into " + s
                        + ".attendance_check_in (id, client_request_id, employee_id, work_date, kind, work_mode,"
                        + " recorded_at, captured_at, offline, latitude, longitude, accuracy_metres)"
                        + " values (?, ?, ?, ?, 'IN', 'WFA', now(), now(), false, -1.74, 119.53, 10)")
                .params(UUID.randomUUID(), UUID.randomUUID().toString(), siti, today)
                .update();
        String month = YearMonth.from(today).toString();

        WebDriver browser = Browser.chromium();
        try {
            logIn(
                    browser,
                    BASE + "/t/" + code + "/monitoring/digest?unit=DINKES&month=" + month,
                    "bkd",
                    TestRealms.PASSWORD);
            Browser.waitFor(browser, By.id("period"));
            assertThat(browser.findElement(By.tagName("h1")).getText())
                    .isEqualTo("Rekap Dinas Kesehatan \u00b7 " + month);
            String table = browser.findElement(By.id("period")).getText();
            assertThat(table).contains("Siti Aparatur", "Puskesmas Tobadak", "Budi Kepegawaian", "Tanpa keterangan");
            assertThat(browser.findElement(By.cssSelector("#period tfoot [data-f=wfa]"))
                            .getText())
                    .isEqualTo("1");
            assertThat(browser.findElements(By.cssSelector("#choose select[name=unit] option")))
                    .extracting(o -> o.getAttribute("value"))
                    .containsExactly("DINKES", "PKM");
            assertThat(browser.findElement(By.id("next")).getAttribute("href"))
                    .endsWith("unit=DINKES&month=" + YearMonth.parse(month).plusMonths(1));
            assertThat(browser.findElements(By.cssSelector("section.week"))).hasSize((int) YearMonth.parse(month)
                    .atDay(1)
                    .datesUntil(YearMonth.parse(month).atEndOfMonth().plusDays(1))
                    .filter(d -> d.getDayOfMonth() == 1 || d.getDayOfWeek() == java.time.DayOfWeek.MONDAY)
                    .count());
            Object printStyle = ((JavascriptExecutor) browser).executeAsyncScript("""
                    const done = arguments[arguments.length - 1];
                    fetch(document.querySelector('#digest link[rel=stylesheet]').href).then(r => r.text()).then(done);""");
            assertThat((String) printStyle).contains("@media print", "size: A4 landscape");

            @SuppressWarnings("unchecked")
            Map<String, Object> xlsx = (Map<String, Object>) ((JavascriptExecutor) browser).executeAsyncScript("""
                    const done = arguments[arguments.length - 1];
                    fetch(document.getElementById('xlsx').href).then(r => r.arrayBuffer().then(b => done({status: r.status,
                        type: r.headers.get('content-type'), disposition: r.headers.get('content-disposition'),
                        magic: String.fromCharCode(...new Uint8Array(b).slice(0, 2))})));""");
            assertThat(xlsx)
                    .containsEntry("status", 200L)
                    .containsEntry("type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                    .containsEntry("magic", "PK");
            assertThat((String) xlsx.get("disposition")).contains("rekap-DINKES-" + month + ".xlsx");
        } finally {
            browser.quit();
        }

        WebDriver admin = Browser.chromium();
        try {
            logIn(admin, BASE + "/t/" + code + "/monitoring/digest?unit=DINKES", "pemantau", TestRealms.PASSWORD);
            Browser.waitFor(admin, By.id("problem-detail"));
            assertThat(admin.findElement(By.id("problem-detail")).getText())
                    .contains("Rekap berisi nama pegawai; peran Anda hanya melihat jumlah")
                    .doesNotContain("Siti Aparatur");
        } finally {
            admin.quit();
        }
    }
}
