package id.fleksi.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import id.fleksi.platform.security.Role;
import id.fleksi.provisioning.testing.TestRealms;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * The exports page: BKD sees every OPD with its two download buttons and the whole pemda as CSV and JSON, last month
 * chosen; the head of Dinas Kesehatan sees his OPD only, and a download of another OPD is refused with a page that says
 * why. (The files themselves are read back in EvaluationExportApiTest.)
 */
class ExportPageTest extends PageTest {

    @Test
    void bkdSeesEveryOpdsButtonsAndTheHeadOnlyHisOwn() {
        String code = onboard("eksporhal", "Kabupaten Ekspor");
        String s = "tenant_" + code;
        UUID dinkes = UUID.randomUUID();
        jdbc.sql("insert into " + s
                        + ".org_unit (id, code, name, kind) values (?, 'DINKES', 'Dinas Kesehatan', 'DINAS')")
                .param(dinkes)
                .update();
        UUID bkpsdm = UUID.randomUUID();
        jdbc.sql("insert into " + s + ".org_unit (id, code, name, kind) values (?, 'BKPSDM', 'BKPSDM', 'BADAN')")
                .param(bkpsdm)
                .update();
        employee(code, "bkd", "Budi Kepegawaian", bkpsdm, null, Role.BKD);
        UUID kadis = employee(code, "kadis", "dr. Hasanuddin", dinkes, null, Role.ATASAN);
        jdbc.sql("update " + s + ".org_unit set head_employee_id = ? where id = ?")
                .params(kadis, dinkes)
                .update();
        String month = YearMonth.now(ZoneId.of("Asia/Makassar")).minusMonths(1).toString();

        WebDriver bkd = Browser.chromium();
        try {
            logIn(bkd, BASE + "/t/" + code + "/evaluation/exports", "bkd", TestRealms.PASSWORD);
            Browser.waitFor(bkd, By.id("units"));
            assertThat(bkd.findElement(By.tagName("h1")).getText()).isEqualTo("Ekspor bulanan");
            assertThat(bkd.findElement(By.cssSelector("#choose input[name=month]"))
                            .getAttribute("value"))
                    .isEqualTo(month);
            assertThat(bkd.findElements(By.cssSelector("#units tbody tr")))
                    .extracting(r -> r.getAttribute("data-unit"))
                    .containsExactly("BKPSDM", "DINKES");
            var row = bkd.findElement(By.cssSelector("#units tr[data-unit=DINKES]"));
            assertThat(row.getText())
                    .contains(
                            "Dinas Kesehatan",
                            "dr. Hasanuddin",
                            "XLSX untuk pembayaran TPP",
                            "Rekap PDF untuk ditandatangani");
            assertThat(row.findElement(By.cssSelector("a.xlsx")).getAttribute("href"))
                    .endsWith("/t/" + code + "/evaluation/exports/month.xlsx?month=" + month + "&unit=DINKES");
            assertThat(row.findElement(By.cssSelector("a.pdf")).getAttribute("href"))
                    .endsWith("/t/" + code + "/evaluation/exports/recap.pdf?month=" + month + "&unit=DINKES");
            assertThat(bkd.findElement(By.id("whole-json")).getAttribute("href"))
                    .endsWith("/t/" + code + "/evaluation/exports/results.json?month=" + month);
        } finally {
            bkd.quit();
        }

        WebDriver head = Browser.chromium();
        try {
            logIn(head, BASE + "/t/" + code + "/evaluation/exports?month=" + month, "kadis", TestRealms.PASSWORD);
            Browser.waitFor(head, By.id("units"));
            assertThat(head.findElements(By.cssSelector("#units tbody tr")))
                    .extracting(r -> r.getAttribute("data-unit"))
                    .containsExactly("DINKES");
            assertThat(head.findElements(By.id("whole"))).isEmpty();
            @SuppressWarnings("unchecked")
            Map<String, Object> other =
                    (Map<String, Object>) ((JavascriptExecutor) head).executeAsyncScript("""
                    const done = arguments[arguments.length - 1];
                    fetch(location.pathname + '/recap.pdf?month=%s&unit=BKPSDM').then(r => r.text().then(t => done({status: r.status,
                        text: t})));""".formatted(month));
            assertThat(other).containsEntry("status", 403L);
            assertThat((String) other.get("text")).contains("BKPSDM bukan unit yang Anda pimpin");
        } finally {
            head.quit();
        }
    }
}
