package id.fleksi.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import id.fleksi.modules.monitoring.Apels;
import id.fleksi.platform.security.Caller;
import id.fleksi.platform.security.Role;
import id.fleksi.platform.tenancy.TenantCode;
import id.fleksi.platform.tenancy.TenantContext;
import id.fleksi.platform.tenancy.TenantRegistry;
import id.fleksi.provisioning.testing.TestRealms;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The apel as it happens: the leader's ranking open on one screen, an ASN confirming from a phone at the office on
 * another; the ranking moves within seconds, without a reload.
 */
class ApelPageTest extends PageTest {

    static final double OFFICE_LAT = -1.7356;
    static final double OFFICE_LON = 119.5461;

    @Autowired
    Apels apels;

    @Autowired
    TenantRegistry registry;

    @Test
    void aConfirmationFromAPhoneShowsOnTheLeadersRanking() {
        ZonedDateTime now = ZonedDateTime.now(ZoneId.of("Asia/Makassar"));
        // An apel that began 5 minutes ago, its window up to an hour but not past midnight: only the ten minutes around
        // midnight are left out.
        LocalTime starts = now.toLocalTime().minusMinutes(5).withSecond(0).withNano(0);
        int window = (int) Math.min(
                60, java.time.Duration.between(starts, LocalTime.of(23, 59)).toMinutes());
        Assumptions.assumeTrue(
                now.toLocalTime().isAfter(LocalTime.of(0, 5)) && window >= 10,
                "an apel's window that does not cross midnight");
        String code = onboard("apel", "Kabupaten Apel");
        String s = "tenant_" + code;
        UUID unit = UUID.randomUUID();
        UUID office = UUID.randomUUID();
        jdbc.sql("insert into " + s
                        + ".org_unit (id, code, name, kind) values (?, 'DINKES', 'Dinas Kesehatan', 'DINAS')")
                .param(unit)
                .update();
        jdbc.sql(
                        "insert into " + s
                                + ".office (id, name, latitude, longitude, radius_metres) values (?, 'Kantor Bupati', ?, ?, 100)")
                .params(office, OFFICE_LAT, OFFICE_LON)
                .update();
        jdbc.sql("insert into " + s + ".office_unit (office_id, unit_id) values (?, ?)")
                .params(office, unit)
                .update();
        employee(code, "pemantau", "Ali Admin", unit, null, Role.TENANT_ADMIN);
        employee(code, "asn", "Siti Aparatur", unit, null, Role.ASN);
        Apels.Apel apel = TenantContext.callAs(
                TenantCode.of(code),
                () -> apels.schedule(
                        registry.require(TenantCode.of(code)),
                        new Caller(code, "x", "pemantau", java.util.Set.of("tenant-admin")),
                        new Apels.NewApel("Apel siang", null, LocalDate.from(now), starts.toString(), window, true)));

        WebDriver screen = Browser.chromium();
        WebDriver phone = Browser.chromium();
        try {
            logIn(screen, BASE + "/t/" + code + "/monitoring/apel/" + apel.id(), "pemantau", TestRealms.PASSWORD);
            Browser.waitFor(screen, By.cssSelector("#ranking tr[data-code=DINKES]"));
            assertThat(confirmed(screen)).isEqualTo("0");
            ((JavascriptExecutor) screen).executeScript("window.notReloaded = true;");

            ChromeDriver chrome = (ChromeDriver) phone;
            chrome.executeCdpCommand(
                    "Browser.grantPermissions", Map.of("origin", BASE, "permissions", List.of("geolocation")));
            chrome.executeCdpCommand(
                    "Emulation.setGeolocationOverride",
                    Map.of("latitude", OFFICE_LAT + 0.0002, "longitude", OFFICE_LON, "accuracy", 10));
            logIn(
                    phone,
                    BASE + "/t/" + code + "/monitoring/apel/" + apel.id() + "/confirm",
                    "asn",
                    TestRealms.PASSWORD);
            new WebDriverWait(phone, Duration.ofSeconds(20))
                    .until(ExpectedConditions.elementToBeClickable(By.id("confirm-button")))
                    .click();
            new WebDriverWait(phone, Duration.ofSeconds(20))
                    .until(ExpectedConditions.textToBePresentInElementLocated(
                            By.id("result"), "Kehadiran di apel tercatat"));

            new WebDriverWait(screen, Duration.ofSeconds(8)).until(d -> "1".equals(confirmed(d)));
            assertThat(((JavascriptExecutor) screen).executeScript("return window.notReloaded === true"))
                    .isEqualTo(true);
        } finally {
            screen.quit();
            phone.quit();
        }
        assertThat(jdbc.sql("select work_mode from " + s + ".monitoring_apel_presence")
                        .query(String.class)
                        .single())
                .isIn("WFO", "WFA");
    }

    private static String confirmed(WebDriver screen) {
        return screen.findElement(By.cssSelector("#ranking tr[data-code=DINKES] [data-f=confirmed]"))
                .getText();
    }
}
