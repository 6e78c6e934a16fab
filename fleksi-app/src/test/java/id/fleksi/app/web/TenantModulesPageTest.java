package id.fleksi.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import id.fleksi.platform.security.Role;
import id.fleksi.provisioning.testing.TestRealms;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * A tenant admin, in the browser, switches a module off and on and sees its menu entry go and come back. The module's
 * page (a fixture written as a new module's would be) gets the admitted tenant and caller without code of its own, and
 * its log line names the tenant and the request.
 */
@ExtendWith(OutputCaptureExtension.class)
class TenantModulesPageTest extends PageTest {

    @Test
    void aTenantAdminSwitchesAModuleOnAndOffAndItsMenuEntryFollows(CapturedOutput output) {
        String code = onboard("modul", "Kabupaten Modul");
        TestRealms.addUser(realmUsers, code, "boss", Role.TENANT_ADMIN, Role.ASN);
        WebDriver browser = Browser.chromium();
        try {
            logIn(browser, BASE + "/t/" + code + "/", "boss", TestRealms.PASSWORD);
            Browser.waitFor(browser, By.id("menu"));
            assertThat(menu(browser)).contains("Modul").doesNotContain("Catatan");

            browser.findElement(By.linkText("Modul")).click();
            Browser.waitFor(browser, By.id("module-notes"));
            browser.findElement(By.cssSelector("#module-reminders button[value=true]"))
                    .click();
            Browser.waitFor(browser, By.id("error"));
            assertThat(browser.findElement(By.id("error")).getText())
                    .isEqualTo("Modul reminders memerlukan notes dinyalakan lebih dahulu; tidak ada yang diubah.");

            browser.findElement(By.cssSelector("#module-notes button[value=true]"))
                    .click();
            Browser.waitFor(browser, By.id("saved"));
            assertThat(browser.findElement(By.cssSelector("#module-notes h2")).getText())
                    .contains("aktif");
            assertThat(menu(browser)).contains("Catatan");
            browser.findElement(By.linkText("Catatan")).click();
            Browser.waitFor(browser, By.id("notes"));
            assertThat(browser.findElement(By.id("who")).getText())
                    .isEqualTo("boss in " + code + ", working in " + code);
            // The line names the tenant and the request, in the plain pattern or as JSON (an earlier test in this JVM
            // may have
            // switched the console to structured logs).
            assertThat(output.getOut()
                            .lines()
                            .filter(line -> line.contains("notes page shown to boss"))
                            .findFirst()
                            .orElseThrow())
                    .contains(code)
                    .containsPattern("[0-9a-f]{16}");
            browser.navigate().back();

            browser.findElement(By.cssSelector("#module-notes button[value=false]"))
                    .click();
            Browser.waitFor(browser, By.id("saved"));
            browser.get(BASE + "/t/" + code + "/");
            Browser.waitFor(browser, By.id("menu"));
            assertThat(menu(browser)).contains("Modul").doesNotContain("Catatan");
            browser.get(BASE + "/t/" + code + "/notes/");
            Browser.waitFor(browser, By.id("problem-detail"));
            assertThat(browser.findElement(By.id("problem-detail")).getText())
                    .isEqualTo(
                            "Modul Catatan sedang dimatikan untuk"
                                    + " pemda ini; datanya tetap disimpan. Admin pemda Anda dapat menyalakannya kembali di halaman Modul.");
        } finally {
            browser.quit();
        }
    }

    private static String menu(WebDriver browser) {
        return browser.findElement(By.id("menu")).getText();
    }
}
