package id.fleksi.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import id.fleksi.platform.security.Role;
import id.fleksi.provisioning.testing.TestRealms;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * BKD, on a 360 px phone, closes last month for one OPD after reading what it means, finds the other OPD still open,
 * and records a correction for an employee's day with its reason.
 */
class ClosingPageTest extends PageTest {

    @Test
    void bkdClosesAnOpdsMonthAfterTheConfirmationAndRecordsACorrection() {
        String code = onboard("tutup", "Kabupaten Tutup");
        UUID dinkes = UUID.randomUUID();
        jdbc.sql("insert into tenant_" + code
                        + ".org_unit (id, code, name, kind) values (?, 'DINKES', 'Dinas Kesehatan', 'DINAS'),"
                        + " (?, 'DISDIK', 'Dinas Pendidikan', 'DINAS')")
                .params(dinkes, UUID.randomUUID())
                .update();
        employee(code, "siti", "Siti Aparatur", dinkes, null, Role.ASN);
        TestRealms.addUser(realmUsers, code, "bkd", Role.BKD);
        YearMonth last = YearMonth.now(ZoneId.of("Asia/Makassar")).minusMonths(1);
        WebDriver browser = Browser.chromium();
        try {
            browser.manage().window().setSize(new Dimension(360, 800));
            logIn(browser, BASE + "/t/" + code + "/", "bkd", TestRealms.PASSWORD);
            Browser.waitFor(browser, By.id("menu"));
            browser.findElement(By.linkText("Tutup bulan")).click();
            Browser.waitFor(browser, By.id("opds"));
            assertThat(state(browser, "DINKES")).isEqualTo("Terbuka");
            assertThat(overflowing(browser)).as("usable at 360 px").isEmpty();

            browser.findElement(By.cssSelector("tr[data-code=DINKES] a[href*='/close']"))
                    .click();
            Browser.waitFor(browser, By.id("close"));
            assertThat(browser.findElement(By.id("scope")).getText())
                    .isEqualTo("Untuk OPD DINKES dan semua unit di bawahnya.");
            assertThat(browser.findElement(By.cssSelector(".warning")).getText())
                    .contains("disimpan sekarang sebagaimana dibayarkan")
                    .contains("BKD mencatat koreksi");
            shoot(browser, "closing-confirm");
            browser.findElement(By.cssSelector("#close button")).click();

            Browser.waitFor(browser, By.id("done"));
            assertThat(state(browser, "DINKES")).isEqualTo("Ditutup");
            assertThat(state(browser, "DISDIK")).isEqualTo("Terbuka");
            shoot(browser, "closing-months");
            browser.findElement(By.linkText("Dinas Kesehatan")).click();
            Browser.waitFor(browser, By.id("employees"));
            browser.findElement(By.linkText("Siti Aparatur")).click();
            Browser.waitFor(browser, By.id("figures"));
            assertThat(browser.findElements(By.id("differs"))).isEmpty();
            ((JavascriptExecutor) browser)
                    .executeScript(
                            "document.getElementById('from').value = arguments[0]",
                            last.atDay(16).toString());
            browser.findElement(By.id("reason")).sendKeys("Surat sakit baru diserahkan");
            browser.findElement(By.cssSelector("#correct button")).click();

            Browser.waitFor(browser, By.id("done"));
            assertThat(browser.findElement(By.id("corrections")).getText())
                    .contains("Surat sakit baru diserahkan")
                    .contains("dicatat oleh bkd; hari itu masih terbuka");
            shoot(browser, "closing-employee");
            assertThat(overflowing(browser)).as("usable at 360 px").isEmpty();
        } finally {
            browser.quit();
        }
    }

    /** A picture of the page at 360 px in target/, for a person to look at. */
    private static void shoot(WebDriver browser, String name) {
        try {
            java.nio.file.Files.write(
                    java.nio.file.Path.of("target", name + ".png"),
                    ((org.openqa.selenium.TakesScreenshot) browser)
                            .getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String state(WebDriver browser, String opd) {
        return browser.findElement(By.cssSelector("tr[data-code=" + opd + "] .state"))
                .getText();
    }

    /** The elements of the page that reach past the screen's right edge (a table scrolls inside its own box). */
    private static java.util.List<?> overflowing(WebDriver browser) {
        return (java.util.List<?>) ((JavascriptExecutor) browser)
                .executeScript("const out = []; const w = document.documentElement.clientWidth;"
                        + " document.querySelectorAll('body *').forEach(e => { if (e.closest('.table-wrap') && !e.matches('.table-wrap'))"
                        + " return; const r = e.getBoundingClientRect(); if (r.right > w + 1) out.push(e.tagName + '#' + e.id + '.'"
                        + " + e.className + ' ' + Math.round(r.right) + '>' + w); }); return out;");
    }
}
