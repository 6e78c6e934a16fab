package id.fleksi.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import id.fleksi.platform.security.Role;
import id.fleksi.provisioning.testing.TestRealms;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The monitoring page left open, as on a screen in the Bupati's office: a check-in made elsewhere shows on it within
 * seconds, without the page being loaded again. The tenant admin sees counts, never a name.
 */
class MonitoringPageTest extends PageTest {

    @Test
    void aCheckInShowsOnTheOpenDashboardWithoutReloadingAndTheAdminSeesNoNames() {
        String code = onboard("pantau", "Kabupaten Pantauan");
        String s = "tenant_" + code;
        UUID unit = UUID.randomUUID();
        jdbc.sql("insert into " + s + ".org_unit (id, code, name, kind) values (?, 'DISKOMINFO', 'Diskominfo', 'DINAS')").param(unit).update();
        employee(code, "pemantau", "Ali Admin", unit, null, Role.TENANT_ADMIN);
        UUID siti = employee(code, "asn", "Siti Aparatur", unit, null, Role.ASN);

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
            jdbc.sql("insert into " + s + ".attendance_check_in (id, client_request_id, employee_id, work_date, kind, work_mode,"
                            + " recorded_at, captured_at, offline, latitude, longitude, accuracy_metres)"
                            + " values (?, ?, ?, ?, 'IN', 'WFA', now(), now(), false, -1.74, 119.53, 10)")
                    .params(UUID.randomUUID(), UUID.randomUUID().toString(), siti, today).update();

            new WebDriverWait(screen, Duration.ofSeconds(5)).until(d -> "1".equals(checkedIn(d)));
            assertThat(screen.findElement(By.cssSelector("#total [data-f=wfa]")).getText()).isEqualTo("1");
            assertThat(((JavascriptExecutor) screen).executeScript("return window.notReloaded === true")).isEqualTo(true);
            assertThat(screen.getPageSource()).doesNotContain("Siti Aparatur");
        } finally {
            screen.quit();
        }
    }

    private static String checkedIn(WebDriver screen) {
        return screen.findElement(By.cssSelector("#total [data-f=checkedIn]")).getText();
    }
}
