package id.fleksi.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import id.fleksi.modules.fwa.FwaPolicies;
import id.fleksi.modules.fwa.PolicyVersion;
import id.fleksi.modules.fwa.WorkMode;
import id.fleksi.modules.fwa.WorkModes;
import id.fleksi.platform.modules.ModuleSwitches;
import id.fleksi.platform.security.Role;
import id.fleksi.platform.tenancy.TenantCode;
import id.fleksi.platform.tenancy.TenantContext;
import id.fleksi.provisioning.testing.TestRealms;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/** In Chromium: an ASN asks for a WFA day, the supervisor approves it, the tenant admin previews the unit's month. */
class FlexibleWorkPageTest extends PageTest {

    @Autowired
    ModuleSwitches switches;

    @Autowired
    FwaPolicies policies;

    @Autowired
    WorkModes modes;

    @Test
    void anAsnRequestsAWfaDayTheSupervisorApprovesAndTheAdminSeesItInThePreview() {
        String code = onboard("fleks", "Kabupaten Fleksibel");
        TenantCode tenant = TenantCode.of(code);
        String s = tenant.schemaName();
        switches.change(tenant, "fwa", true, Map.of(), "test");
        UUID unit = UUID.randomUUID();
        jdbc.sql("insert into " + s
                        + ".org_unit (id, code, name, kind) values (?, 'DISKOMINFO', 'Diskominfo', 'DINAS')")
                .param(unit)
                .update();
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Makassar"));
        TenantContext.runAs(
                tenant,
                () -> policies.add(
                        new PolicyVersion(
                                null,
                                today,
                                true,
                                Set.of(java.time.DayOfWeek.FRIDAY, java.time.DayOfWeek.THURSDAY),
                                LocalDate.parse("2026-01-22"),
                                LocalDate.parse("2026-04-22"),
                                null,
                                false,
                                false,
                                false,
                                false,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                "Permohonan per hari",
                                null,
                                null,
                                null,
                                null),
                        "test"));
        UUID boss = employee(code, "atasan", "Andi Atasan", unit, null, Role.ATASAN, Role.ASN);
        UUID siti = employee(code, "asn", "Siti Aparatur", unit, boss, Role.ASN);
        TestRealms.addUser(realmUsers, code, "boss", Role.TENANT_ADMIN);
        LocalDate day = nextWorkingDay(today);
        // A date in a list reads as people write it, in the page's language: "10 Des 2026".
        String shownDay = day.format(
                java.time.format.DateTimeFormatter.ofPattern("d MMM yyyy", java.util.Locale.forLanguageTag("id")));

        WebDriver phone = Browser.chromium();
        try {
            logIn(phone, BASE + "/t/" + code + "/fwa/", "asn", TestRealms.PASSWORD);
            WebDriverWait wait = new WebDriverWait(phone, Duration.ofSeconds(20));
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("schedule")));
            assertThat(phone.findElement(By.id("schedule")).getText())
                    .contains("Di kantor (WFO)", "Hari kerja di kantor");
            ((JavascriptExecutor) phone)
                    .executeScript(
                            "document.getElementById('from').value = arguments[0];"
                                    + "document.getElementById('to').value = arguments[0];",
                            day.toString());
            new Select(phone.findElement(By.id("place"))).selectByValue("HOME");
            phone.findElement(By.id("file-request")).click();
            wait.until(
                    ExpectedConditions.textToBePresentInElementLocated(By.id("done"), "Permohonan terkirim ke atasan"));
            assertThat(phone.findElement(By.id("mine")).getText()).isEqualTo(shownDay + ": Menunggu atasan");
        } finally {
            phone.quit();
        }

        WebDriver desk = Browser.chromium();
        try {
            logIn(desk, BASE + "/t/" + code + "/fwa/", "atasan", TestRealms.PASSWORD);
            WebDriverWait wait = new WebDriverWait(desk, Duration.ofSeconds(20));
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".request")));
            assertThat(desk.findElement(By.cssSelector(".request")).getText())
                    .startsWith("Siti Aparatur: " + shownDay + ", Rumah (sesuai data)");
            desk.findElement(By.cssSelector(".request button.approve")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("done"), "Permohonan disetujui"));
        } finally {
            desk.quit();
        }
        assertThat(TenantContext.callAs(tenant, () -> modes.answer(siti, day)).mode())
                .isEqualTo(WorkMode.WFA);

        WebDriver admin = Browser.chromium();
        try {
            logIn(admin, BASE + "/t/" + code + "/fwa/policy", "boss", TestRealms.PASSWORD);
            WebDriverWait wait = new WebDriverWait(admin, Duration.ofSeconds(20));
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("versions")));
            assertThat(admin.findElement(By.id("versions")).getText())
                    .isEqualTo(
                            "Dari "
                                    + today.format(java.time.format.DateTimeFormatter.ofPattern(
                                            "d MMM yyyy", java.util.Locale.forLanguageTag("id")))
                                    + ": kerja fleksibel aktif; Hari WFA (paling banyak"
                                    + " 2 hari seminggu, PermenPANRB 4/2025): Kamis, Jumat; uji coba 22 Jan 2026 – 22 Apr 2026\nPermohonan per hari");
            ((JavascriptExecutor) admin)
                    .executeScript("document.getElementById('month').value = arguments[0];", day.toString());
            admin.findElement(By.id("show-preview")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("preview")));
            assertThat(admin.findElement(By.id("preview")).getText()).contains("Siti Aparatur");
        } finally {
            admin.quit();
        }
    }

    /** The next Monday to Friday after today that is no national holiday. */
    private LocalDate nextWorkingDay(LocalDate today) {
        LocalDate day = today.plusDays(1);
        while (day.getDayOfWeek() == DayOfWeek.SATURDAY
                || day.getDayOfWeek() == DayOfWeek.SUNDAY
                || jdbc.sql("select count(*) from platform.national_holiday where date = ?")
                                .param(day)
                                .query(Integer.class)
                                .single()
                        > 0) {
            day = day.plusDays(1);
        }
        return day;
    }
}
