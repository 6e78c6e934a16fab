package id.fleksi.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import id.fleksi.modules.attendance.Absences;
import id.fleksi.platform.organisation.EmployeeStatus;
import id.fleksi.platform.organisation.Employees;
import id.fleksi.platform.security.Caller;
import id.fleksi.platform.security.Role;
import id.fleksi.platform.tenancy.TenantCode;
import id.fleksi.platform.tenancy.TenantContext;
import id.fleksi.provisioning.testing.TestRealms;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A supervisor retired while his page is open: the approval he then presses is refused and stores nothing, his web
 * session ends there, and the next page sends him to Keycloak, which no longer lets him in.
 */
class RetiredSessionTest extends PageTest {

    @Autowired
    Absences absences;

    @Autowired
    Employees employees;

    @Test
    void aSupervisorRetiredWhileHisPageIsOpenDecidesNothingAndIsSignedOut() {
        String code = onboard("pensiun", "Kabupaten Pensiun");
        TenantCode tenant = TenantCode.of(code);
        UUID unit = UUID.randomUUID();
        jdbc.sql("insert into " + tenant.schemaName()
                        + ".org_unit (id, code, name, kind) values (?, 'BKD', 'BKD', 'BADAN')")
                .param(unit)
                .update();
        UUID boss = employee(code, "atasan", "Andi Atasan", unit, null, Role.ATASAN, Role.ASN);
        employee(code, "asn", "Siti Aparatur", unit, boss, Role.ASN);
        LocalDate day = LocalDate.parse("2026-03-02");
        Absences.Absence absence = TenantContext.callAs(
                tenant,
                () -> absences.file(
                        "asn",
                        new Absences.NewAbsence(Absences.Kind.IZIN, day, day, "Mengurus KTP", null, null, null)));

        WebDriver browser = Browser.chromium();
        try {
            logIn(browser, BASE + "/t/" + code + "/attendance/absences", "atasan", TestRealms.PASSWORD);
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
            assertThat(wait.until(ExpectedConditions.presenceOfElementLocated(By.id("awaiting")))
                            .getText())
                    .contains("Siti Aparatur");

            Caller bkd = new Caller(tenant.realmName(), "bkd", "bkd", Set.of(Role.BKD.realmRole()));
            TenantContext.runAs(tenant, () -> employees.setStatus(boss, EmployeeStatus.RETIRED, bkd));
            browser.findElement(By.cssSelector("#awaiting button.approve")).click();

            wait.until(ExpectedConditions.textToBePresentInElementLocated(
                    By.tagName("h1"), "403 · Akun tidak aktif lagi"));
            assertThat(jdbc.sql("select status from " + tenant.schemaName() + ".attendance_absence where id = ?")
                            .param(absence.id())
                            .query(String.class)
                            .single())
                    .isEqualTo("PENDING");

            browser.get(BASE + "/t/" + code + "/attendance/absences");
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("kc-login")));
            assertThat(browser.getCurrentUrl())
                    .as("the session is gone: Keycloak asks again")
                    .contains("/realms/" + tenant.realmName() + "/");
        } finally {
            browser.quit();
        }
    }
}
