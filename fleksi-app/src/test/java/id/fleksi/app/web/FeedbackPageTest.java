package id.fleksi.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import id.fleksi.platform.security.Role;
import id.fleksi.provisioning.testing.TestRealms;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The public's voice from both sides: the head of Disdukcapil adds a service and opens its QR sheet; a citizen on a
 * 360-pixel phone, not logged in, rates it from the sheet's address; the head finds it waiting, accepts it, and only then
 * sees it in the month's summary with its comment.
 */
class FeedbackPageTest extends PageTest {

    @Test
    void theHeadPrintsTheQrACitizenRatesOnASmallPhoneAndTheCommentShowsOnceAccepted() throws Exception {
        String code = onboard("suarapage", "Kabupaten Suara");
        String s = "tenant_" + code;
        UUID unit = UUID.randomUUID();
        jdbc.sql("insert into " + s + ".org_unit (id, code, name, kind) values (?, 'DUKCAPIL', 'Disdukcapil', 'DINAS')")
                .param(unit)
                .update();
        UUID rina = employee(code, "rina", "Rina Kepala", unit, null, Role.ASN, Role.ATASAN);
        jdbc.sql("update " + s + ".org_unit set head_employee_id = ? where id = ?")
                .params(rina, unit)
                .update();

        WebDriver head = Browser.chromium();
        WebDriver phone = Browser.chromium();
        try {
            logIn(head, BASE + "/t/" + code + "/evaluation/feedback", "rina", TestRealms.PASSWORD);
            Browser.waitFor(head, By.id("define"));
            head.findElement(By.id("unit")).sendKeys("DUKCAPIL");
            head.findElement(By.id("name")).sendKeys("Pembuatan KTP-el");
            head.findElement(By.id("slug")).sendKeys("ktp-el");
            head.findElement(By.cssSelector("#define button")).click();
            Browser.waitFor(head, By.id("done"));
            assertThat(head.findElement(By.id("done")).getText()).startsWith("Layanan tersimpan.");
            head.findElement(By.cssSelector("a.print")).click();
            Browser.waitFor(head, By.cssSelector("#qr svg"));
            String url = head.findElement(By.id("url")).getText();
            assertThat(url).isEqualTo(BASE + "/publik/" + code + "/layanan/ktp-el");

            ((ChromeDriver) phone)
                    .executeCdpCommand(
                            "Emulation.setDeviceMetricsOverride",
                            Map.of("width", 360, "height", 740, "deviceScaleFactor", 2, "mobile", true));
            phone.get(url);
            Browser.waitFor(phone, By.id("rate"));
            assertThat(((JavascriptExecutor) phone)
                            .executeScript("return [window.innerWidth, document.documentElement.scrollWidth]"))
                    .as("a 360-pixel screen, nothing wider")
                    .isEqualTo(List.of(360L, 360L));
            // For a person to look at once: the page as a 360-pixel phone shows it.
            java.nio.file.Files.write(
                    java.nio.file.Path.of("target", "feedback-public-360.png"),
                    ((org.openqa.selenium.TakesScreenshot) phone)
                            .getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
            phone.findElement(By.cssSelector("input[name=score][value='4']")).click();
            phone.findElement(By.id("comment")).sendKeys("Antre lama, petugas ramah");
            phone.findElement(By.cssSelector("input[name=served][value=OFFICE]"))
                    .click();
            Thread.sleep(3_100); // as long as a person takes, at least (with the page's proof of work done meanwhile)
            phone.findElement(By.cssSelector("#rate button")).click();
            Browser.waitFor(phone, By.id("thanks"));
            assertThat(phone.findElement(By.id("thanks")).getText()).isEqualTo("Terima kasih");
            assertThat(jdbc.sql("select count(*) from " + s + ".evaluation_feedback")
                            .query(Long.class)
                            .single())
                    .as("sent after 3 seconds: the page's script did its proof of work")
                    .isEqualTo(1);

            head.get(BASE + "/t/" + code + "/evaluation/feedback");
            Browser.waitFor(head, By.id("summary"));
            assertThat(head.findElement(By.id("moderate")).getText()).isEqualTo("1 penilaian menunggu moderasi");
            assertThat(head.findElement(By.id("summary")).getText()).doesNotContain("Antre lama");
            head.findElement(By.id("moderate")).click();
            Browser.waitFor(head, By.cssSelector("#feedback-moderation .rating"));
            assertThat(head.findElement(By.cssSelector(".rating .comment")).getText())
                    .isEqualTo("Antre lama, petugas ramah");
            assertThat(head.findElement(By.cssSelector(".rating .score")).getText())
                    .isEqualTo("Nilai 4 dari 5");
            head.findElement(By.cssSelector(".rating button[value=ACCEPT]")).click();
            Browser.waitFor(head, By.id("none"));
            assertThat(head.findElement(By.id("done")).getText())
                    .isEqualTo("Penilaian diterima; sekarang ikut dihitung.");

            head.get(BASE + "/t/" + code + "/evaluation/feedback");
            Browser.waitFor(head, By.id("summary"));
            assertThat(head.findElement(By.cssSelector("tr[data-slug=ktp-el]")).getText())
                    .contains("Antre lama, petugas ramah")
                    .contains("4,00");
        } finally {
            head.quit();
            phone.quit();
        }
        assertThat(jdbc.sql("select action from " + s + ".audit_event where actor = 'rina' order by id")
                        .query(String.class)
                        .list())
                .containsExactly("feedback.service.defined", "feedback.accepted");
    }
}
