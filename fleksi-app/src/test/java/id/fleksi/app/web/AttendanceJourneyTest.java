package id.fleksi.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import id.fleksi.platform.modules.ModuleSwitches;
import id.fleksi.platform.security.Role;
import id.fleksi.platform.tenancy.TenantCode;
import id.fleksi.provisioning.testing.TestRealms;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chromium.ChromiumNetworkConditions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The morning of an ASN on a phone-sized Chromium with an emulated location: check in at the office, lose the
 * connection, check out (queued in the browser), get it back (the queue drains), file the day's report; then
 * the supervisor approves it in the review queue.
 */
class AttendanceJourneyTest extends PageTest {

    static final double OFFICE_LAT = -1.7356;
    static final double OFFICE_LON = 119.5461;

    @Autowired
    ModuleSwitches switches;

    @Test
    void anAsnChecksInAndOutThroughAnOutageFilesAReportAndTheSupervisorApprovesIt() {
        String code = onboard("jalan", "Kabupaten Perjalanan");
        TenantCode tenant = TenantCode.of(code);
        String s = tenant.schemaName();
        // Checked out first, reported after, as the issue tells it: so the day is marked rather than the check-out
        // refused.
        switches.change(tenant, "activity-reports", true, Map.of("refuseCheckOutWithoutActivity", false), "test");
        // It checks in at the hour the test runs: the day open, not the new tenant's 06:00-12:00 and 14:00-18:00.
        switches.change(
                tenant,
                "attendance",
                null,
                Map.of("checkInWindow", "00:00-23:59", "checkOutWindow", "00:00-23:59"),
                "test");
        UUID unit = UUID.randomUUID();
        UUID office = UUID.randomUUID();
        jdbc.sql("insert into " + s
                        + ".org_unit (id, code, name, kind) values (?, 'DISKOMINFO', 'Diskominfo', 'DINAS')")
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
        UUID boss = employee(code, "atasan", "Andi Atasan", unit, null, Role.ATASAN, Role.ASN);
        employee(code, "asn", "Siti Aparatur", unit, boss, Role.ASN);

        WebDriver phone = Browser.chromium();
        try {
            ChromeDriver chrome = (ChromeDriver) phone;
            chrome.executeCdpCommand(
                    "Browser.grantPermissions",
                    Map.of("origin", BASE, "permissions", java.util.List.of("geolocation")));
            chrome.executeCdpCommand(
                    "Emulation.setGeolocationOverride",
                    Map.of("latitude", OFFICE_LAT + 0.0003, "longitude", OFFICE_LON, "accuracy", 12));
            logIn(phone, BASE + "/t/" + code + "/attendance/", "asn", TestRealms.PASSWORD);
            WebDriverWait wait = new WebDriverWait(phone, Duration.ofSeconds(20));
            wait.until(ExpectedConditions.textMatches(
                    By.id("distance"),
                    java.util.regex.Pattern.compile("^Anda 3[0-9] m dari Kantor Bupati \\(akurasi 12 m\\)\\.$")));
            assertThat(phone.findElement(By.id("check-in-button")).getText()).isEqualTo("Presensi masuk");

            phone.findElement(By.id("check-in-button")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("result"), "Presensi masuk tercatat"));
            wait.until(ExpectedConditions.textToBe(By.id("check-in-button"), "Presensi pulang"));

            ChromiumNetworkConditions offline = new ChromiumNetworkConditions();
            offline.setOffline(true);
            chrome.setNetworkConditions(offline);
            wait.until(ExpectedConditions.elementToBeClickable(By.id("check-in-button")))
                    .click();
            wait.until(ExpectedConditions.attributeToBe(By.id("queue"), "data-count", "1"));
            assertThat(phone.findElement(By.id("queue")).getText()).contains("1 presensi menunggu sinyal");
            assertThat(count(s, "OUT")).isZero();

            chrome.deleteNetworkConditions();
            wait.until(ExpectedConditions.attributeToBe(By.id("queue"), "data-count", "0"));
            assertThat(phone.findElement(By.id("result")).getText()).contains("Presensi pulang tercatat");
            assertThat(count(s, "IN")).isEqualTo(1);
            assertThat(count(s, "OUT")).isEqualTo(1);
            assertThat(jdbc.sql("select count(*) from " + s + ".attendance_check_in where captured_at > recorded_at")
                            .query(Integer.class)
                            .single())
                    .as("a queued press keeps the moment it was made")
                    .isZero();

            // Today's row of the week now gives both times.
            phone.navigate().refresh();
            assertThat(wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#week tbody tr")))
                            .getText())
                    .containsPattern("Hadir · WFO · \\d\\d:\\d\\d–\\d\\d:\\d\\d");

            phone.get(BASE + "/t/" + code + "/activity-reports/");
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("description")))
                    .sendKeys("Memperbarui data pegawai di aplikasi Fleksi");
            phone.findElement(By.id("quantity")).clear();
            phone.findElement(By.id("quantity")).sendKeys("12");
            phone.findElement(By.id("unit")).clear();
            phone.findElement(By.id("unit")).sendKeys("data");
            phone.findElement(By.id("save-activity")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("done"), "Kegiatan tersimpan"));
            assertThat(phone.findElement(By.id("activities")).getText())
                    .contains("Memperbarui data pegawai", "12 data, 60 menit");
            assertThat(phone.findElement(By.id("report-status")).getText()).isEqualTo("Menunggu persetujuan atasan");
            assertThat(jdbc.sql("select client_request_id from " + s + ".report_activity")
                            .query(String.class)
                            .single())
                    .as("the form's own id, so that sending it again adds the activity once")
                    .startsWith("form-");
        } finally {
            phone.quit();
        }

        WebDriver supervisor = Browser.chromium();
        try {
            logIn(supervisor, BASE + "/t/" + code + "/activity-reports/review", "atasan", TestRealms.PASSWORD);
            WebDriverWait wait = new WebDriverWait(supervisor, Duration.ofSeconds(20));
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#bulk .report")));
            assertThat(supervisor.findElement(By.id("bulk")).getText())
                    .contains("Siti Aparatur", "Memperbarui data pegawai");
            supervisor.findElement(By.cssSelector("#bulk input[name=ids]")).click();
            supervisor.findElement(By.id("approve")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("done"), "Laporan disetujui"));
            assertThat(supervisor.findElement(By.id("empty")).getText()).contains("Tidak ada laporan");
        } finally {
            supervisor.quit();
        }
        assertThat(jdbc.sql("select status from " + s + ".report_day")
                        .query(String.class)
                        .single())
                .isEqualTo("APPROVED");

        // The afternoon's work, after the morning's approval: the approved activity stays, the new one goes to Andi
        // again.
        WebDriver afternoon = Browser.chromium();
        try {
            logIn(afternoon, BASE + "/t/" + code + "/activity-reports/", "asn", TestRealms.PASSWORD);
            WebDriverWait wait = new WebDriverWait(afternoon, Duration.ofSeconds(20));
            assertThat(wait.until(ExpectedConditions.presenceOfElementLocated(By.id("activities")))
                            .getText())
                    .contains("Memperbarui data pegawai", "12 data, 60 menit · disetujui");
            assertThat(afternoon.findElements(By.cssSelector("#activities form")))
                    .as("an approved activity cannot be removed")
                    .isEmpty();
            assertThat(afternoon.findElement(By.id("approved-kept")).getText())
                    .isEqualTo("Kegiatan yang sudah disetujui tidak bisa"
                            + " diubah; kegiatan yang ditambahkan sekarang dikirim lagi ke atasan.");
            afternoon.findElement(By.id("description")).sendKeys("Rapat sore dengan Diskominfo");
            afternoon.findElement(By.id("save-activity")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("done"), "Kegiatan tersimpan"));
            assertThat(afternoon.findElement(By.id("report-status")).getText())
                    .isEqualTo("Menunggu persetujuan atasan");
            assertThat(afternoon.findElements(By.cssSelector("#activities form")))
                    .as("the new one can still be removed")
                    .hasSize(1);
        } finally {
            afternoon.quit();
        }
        WebDriver again = Browser.chromium();
        try {
            logIn(again, BASE + "/t/" + code + "/activity-reports/review", "atasan", TestRealms.PASSWORD);
            WebDriverWait wait = new WebDriverWait(again, Duration.ofSeconds(20));
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#bulk .report")));
            java.util.List<String> lines = again.findElements(By.cssSelector("#bulk .report li")).stream()
                    .map(e -> e.getText())
                    .toList();
            assertThat(lines)
                    .containsExactly(
                            "(disetujui) Memperbarui data pegawai di aplikasi Fleksi · 12 data, 60 menit",
                            "baru: Rapat sore dengan Diskominfo · 1 kegiatan, 60 menit");
        } finally {
            again.quit();
        }
    }

    private int count(String schema, String kind) {
        return jdbc.sql("select count(*) from " + schema + ".attendance_check_in where kind = ? and not superseded")
                .param(kind)
                .query(Integer.class)
                .single();
    }
}
