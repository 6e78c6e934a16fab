package id.fleksi.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import id.fleksi.platform.security.Role;
import id.fleksi.provisioning.testing.TestRealms;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The monitoring page left open, as on a screen in the Bupati's office: a check-in made elsewhere shows on it within
 * seconds, without the page being loaded again. The tenant admin sees counts, never a name.
 */
class MonitoringPageTest extends PageTest {

    @Autowired
    ConfigurableApplicationContext context;

    @Test
    void aCheckInShowsOnTheOpenDashboardWithoutReloadingAndTheAdminSeesNoNames() {
        String code = onboard("pantau", "Kabupaten Pantauan");
        String s = "tenant_" + code;
        UUID unit = UUID.randomUUID();
        jdbc.sql("insert into " + s
                        + ".org_unit (id, code, name, kind) values (?, 'DISKOMINFO', 'Diskominfo', 'DINAS')")
                .param(unit)
                .update();
        employee(code, "pemantau", "Ali Admin", unit, null, Role.TENANT_ADMIN);
        UUID siti = employee(code, "asn", "Siti Aparatur", unit, null, Role.ASN);

        // Stopped and started again first, as Spring pauses a cached test context between test classes: the stream's
        // recounting must come back with it (it once died with the first stop, and only whole test runs showed it).
        context.stop();
        context.start();

        WebDriver screen = Browser.chromium();
        try {
            logIn(screen, BASE + "/t/" + code + "/monitoring/?unit=DISKOMINFO", "pemantau", TestRealms.PASSWORD);
            WebDriverWait wait = new WebDriverWait(screen, Duration.ofSeconds(20));
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#total [data-f=checkedIn]")));
            wait.until(ExpectedConditions.textToBe(By.id("live"), "Langsung"));
            assertThat(checkedIn(screen)).isEqualTo("0");
            assertThat(screen.getPageSource()).doesNotContain("Siti Aparatur").contains("Anda melihat jumlah saja");
            ((JavascriptExecutor) screen).executeScript("window.notReloaded = true;");

            LocalDate today = LocalDate.now(ZoneId.of("Asia/Makassar"));
            jdbc.sql("insert into " + s
                            + ".attendance_check_in (id, client_request_id, employee_id, work_date, kind, work_mode,"
                            + " recorded_at, captured_at, offline, latitude, longitude, accuracy_metres)"
                            + " values (?, ?, ?, ?, 'IN', 'WFA', now(), now(), false, -1.74, 119.53, 10)")
                    .params(UUID.randomUUID(), UUID.randomUUID().toString(), siti, today)
                    .update();

            // The stream recounts every 2 s; a loaded machine may take a few ticks.
            new WebDriverWait(screen, Duration.ofSeconds(15)).until(d -> "1".equals(checkedIn(d)));
            assertThat(screen.findElement(By.cssSelector("#total [data-f=wfa]")).getText())
                    .isEqualTo("1");
            assertThat(((JavascriptExecutor) screen).executeScript("return window.notReloaded === true"))
                    .isEqualTo(true);
            assertThat(screen.getPageSource()).doesNotContain("Siti Aparatur");
        } finally {
            screen.quit();
        }
    }

    private static String checkedIn(WebDriver screen) {
        return screen.findElement(By.cssSelector("#total [data-f=checkedIn]")).getText();
    }

    @Test
    void theSupervisorActsOnAWarningFromTheListAndTheEmployeeSeesTheirOwnStanding() {
        String code = onboard("waspada", "Kabupaten Waspada");
        String s = "tenant_" + code;
        UUID unit = UUID.randomUUID();
        jdbc.sql("insert into " + s
                        + ".org_unit (id, code, name, kind) values (?, 'DINKES', 'Dinas Kesehatan', 'DINAS')")
                .param(unit)
                .update();
        UUID boss = employee(code, "atasan", "Andi Atasan", unit, null, Role.ATASAN, Role.ASN);
        UUID siti = employee(code, "asn", "Siti Aparatur", unit, boss, Role.ASN);
        UUID warning = UUID.randomUUID();
        jdbc.sql("insert into " + s
                        + ".monitoring_warning (id, employee_id, rule, step, period, count_at_raise, raised_at)"
                        + " values (?, ?, 'ABSENCE', 3, '2026', 3, now())")
                .params(warning, siti)
                .update();

        WebDriver browser = Browser.chromium();
        try {
            logIn(browser, BASE + "/t/" + code + "/monitoring/warnings", "atasan", TestRealms.PASSWORD);
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("section.warning[data-open=true]")));
            assertThat(browser.findElement(By.cssSelector("section.warning")).getText())
                    .contains(
                            "Siti Aparatur",
                            "3 hari tidak masuk tanpa keterangan",
                            "teguran lisan oleh atasan langsung");
            assertThat(browser.findElement(By.id("open-count")).getText())
                    .isEqualTo("1 peringatan belum ditindaklanjuti");
            browser.findElement(By.id("note-" + warning)).sendKeys("Teguran lisan diberikan");
            browser.findElement(By.cssSelector("section.warning button[type=submit]"))
                    .click();
            wait.until(ExpectedConditions.textToBe(By.id("done"), "Tindak lanjut tercatat."));
            assertThat(browser.findElement(By.cssSelector("section.warning")).getText())
                    .contains("Ditindaklanjuti oleh atasan: Teguran lisan diberikan");
        } finally {
            browser.quit();
        }
        assertThat(jdbc.sql("select acknowledged_by from " + s + ".monitoring_warning where id = ?")
                        .param(warning)
                        .query(String.class)
                        .single())
                .isEqualTo("atasan");

        WebDriver phone = Browser.chromium();
        try {
            logIn(phone, BASE + "/t/" + code + "/monitoring/standing", "asn", TestRealms.PASSWORD);
            Browser.waitFor(phone, By.id("days"));
            assertThat(phone.findElement(By.id("days")).getText())
                    .endsWith("hari kerja tidak masuk tanpa keterangan tahun ini.");
            assertThat(phone.findElement(By.id("next")).getText()).startsWith("Pada ");
        } finally {
            phone.quit();
        }
    }
}
