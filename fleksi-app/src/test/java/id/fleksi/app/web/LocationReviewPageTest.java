package id.fleksi.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import id.fleksi.platform.security.Role;
import id.fleksi.platform.tenancy.TenantCode;
import id.fleksi.provisioning.testing.TestRealms;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A supervisor, in the browser, sees her staff's check-ins whose location was flagged, with the reasons in words and
 * the distance, never the coordinates, and her team's month; another team's stay out of both; an ASN without the role
 * is refused.
 */
class LocationReviewPageTest extends PageTest {

    @Test
    void aSupervisorSeesHerStaffsFlaggedCheckInsAndNoOneElses() {
        String code = onboard("tinjau", "Kabupaten Tinjauan");
        String s = TenantCode.of(code).schemaName();
        UUID unit = UUID.randomUUID();
        jdbc.sql("insert into " + s + ".org_unit (id, code, name, kind) values (?, 'BKD', 'BKD', 'BADAN')")
                .param(unit)
                .update();
        UUID boss = employee(code, "atasan", "Andi Atasan", unit, null, Role.ATASAN, Role.ASN);
        UUID siti = employee(code, "asn", "Siti Aparatur", unit, boss, Role.ASN);
        UUID other = employee(code, "lain", "Budi Lain", unit, null, Role.ASN);
        java.time.LocalDate yesterday =
                java.time.LocalDate.now(java.time.ZoneId.of("Asia/Makassar")).minusDays(1);
        checkIn(s, siti, yesterday, "MOCK_LOCATION,TOO_PERFECT", 35);
        checkIn(s, other, yesterday, "SHARED_DEVICE", 12);
        checkIn(s, siti, yesterday.minusDays(1), "", 20); // an ordinary day: not on the list

        WebDriver browser = Browser.chromium();
        try {
            logIn(browser, BASE + "/t/" + code + "/attendance/", "atasan", TestRealms.PASSWORD);
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
            wait.until(ExpectedConditions.elementToBeClickable(By.id("review-link")))
                    .click();
            String list = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("entries")))
                    .getText();
            assertThat(list)
                    .contains(
                            "Siti Aparatur",
                            "Masuk 07:31",
                            "WFO",
                            "35 m dari kantor",
                            "Ponsel melaporkan lokasi palsu (aplikasi fake GPS)",
                            "Koordinat persis sama dengan hari-hari sebelumnya")
                    .doesNotContain("Budi Lain", "-1.7", "119.5");
            assertThat(browser.findElements(By.cssSelector("#entries tbody tr")))
                    .hasSize(1);

            // Her month among her team's: one row, hers.
            browser.get(BASE + "/t/" + code + "/attendance/team-recap?month=" + java.time.YearMonth.from(yesterday));
            assertThat(wait.until(ExpectedConditions.presenceOfElementLocated(By.id("team-recap")))
                            .getText())
                    .contains("Siti Aparatur")
                    .doesNotContain("Budi Lain");
            assertThat(browser.findElements(By.cssSelector("#team-recap tbody tr")))
                    .hasSize(1);
            assertThat(browser.findElement(By.id("previous-month")).getDomAttribute("href"))
                    .endsWith("/attendance/team-recap?month="
                            + java.time.YearMonth.from(yesterday).minusMonths(1));
        } finally {
            browser.quit();
        }

        WebDriver asn = Browser.chromium();
        try {
            logIn(asn, BASE + "/t/" + code + "/attendance/review", "asn", TestRealms.PASSWORD);
            assertThat(new WebDriverWait(asn, Duration.ofSeconds(20))
                            .until(ExpectedConditions.presenceOfElementLocated(By.id("problem-detail")))
                            .getText())
                    .isEqualTo("Hanya atasan, BKD dan admin pemda yang meninjau lokasi presensi.");
        } finally {
            asn.quit();
        }
    }

    private void checkIn(String schema, UUID employee, java.time.LocalDate day, String flags, int distance) {
        java.time.Instant at =
                day.atTime(7, 31).atZone(java.time.ZoneId.of("Asia/Makassar")).toInstant();
        jdbc.sql(
                        "insert into " + schema
                                + ".attendance_check_in (id, client_request_id, employee_id, work_date, kind, work_mode,"
                                + " recorded_at, captured_at, offline, latitude, longitude, accuracy_metres, distance_metres, flags)"
                                + " values (?, ?, ?, ?, 'IN', 'WFO', ?, ?, false, -1.73570, 119.54620, 10, ?, string_to_array(?, ','))")
                .params(
                        UUID.randomUUID(),
                        "t-" + UUID.randomUUID(),
                        employee,
                        day,
                        java.sql.Timestamp.from(at),
                        java.sql.Timestamp.from(at),
                        distance,
                        flags)
                .update();
    }
}
