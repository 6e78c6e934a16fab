package id.fleksi.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import id.fleksi.platform.calendar.WorkingCalendar;
import id.fleksi.platform.security.Role;
import id.fleksi.platform.tenancy.TenantCode;
import id.fleksi.platform.tenancy.TenantContext;
import id.fleksi.provisioning.testing.TestRealms;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The home page says how the person's day stands and what waits for them, counted, each line a link to where they act:
 * the ASN sees her check-in still to do and today's report waiting for her supervisor; the supervisor sees the report and
 * the leave request waiting for his decision; a tenant admin who is no employee is told nothing waits.
 */
class HomePageTest extends PageTest {

    @Autowired
    WorkingCalendar calendar;

    @Test
    void eachPersonSeesTheirDayAndWhatWaitsForThemCounted() {
        String code = onboard("beranda", "Kabupaten Beranda");
        String s = TenantCode.of(code).schemaName();
        UUID unit = UUID.randomUUID();
        jdbc.sql("insert into " + s
                        + ".org_unit (id, code, name, kind) values (?, 'DISKOMINFO', 'Diskominfo', 'DINAS')")
                .param(unit)
                .update();
        UUID andi = employee(code, "andi", "Andi Atasan", unit, null, Role.ASN, Role.ATASAN);
        UUID siti = employee(code, "siti", "Siti Aparatur", unit, andi, Role.ASN);
        TestRealms.addUser(realmUsers, code, "boss", Role.TENANT_ADMIN);
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Makassar"));
        UUID day = UUID.randomUUID();
        jdbc.sql("insert into " + s + ".report_day (id, employee_id, work_date, status) values (?, ?, ?, 'PENDING')")
                .params(day, siti, today)
                .update();
        jdbc.sql("insert into " + s + ".report_activity (id, day_id, description, quantity, unit, minutes, created_at)"
                        + " values (?, ?, 'Menyusun laporan', 1, 'dokumen', 60, ?)")
                .params(UUID.randomUUID(), day, Timestamp.from(Instant.now()))
                .update();
        jdbc.sql("insert into " + s
                        + ".attendance_absence (id, employee_id, kind, from_date, to_date, reason, status, created_at)"
                        + " values (?, ?, 'IZIN', ?, ?, 'Urusan keluarga', 'PENDING', now())")
                .params(UUID.randomUUID(), siti, today.plusDays(7), today.plusDays(7))
                .update();
        boolean working = TenantContext.callAs(
                TenantCode.of(code), () -> calendar.of(unit, today).isWorking());

        String notIn = "Anda belum presensi masuk hari ini";
        List<String> sitiWaiting = home(code, "siti", "#waiting li");
        List<String> sitiToday = home(code, "siti", "#today li");
        if (working) {
            assertThat(sitiWaiting).containsExactly(notIn);
            assertThat(sitiToday).containsExactly("Laporan hari ini: 1 kegiatan, menunggu persetujuan atasan");
        } else {
            assertThat(sitiWaiting).isEmpty();
            assertThat(sitiToday)
                    .hasSize(2)
                    .last()
                    .isEqualTo("Laporan hari ini: 1 kegiatan, menunggu persetujuan atasan");
            assertThat(sitiToday.get(0)).startsWith("Hari ini bukan hari kerja");
        }
        // Andi is an employee too: his own day's check-in and report wait for him on a working day.
        List<String> forAndi = new java.util.ArrayList<>(
                working ? List.of(notIn, "Laporan hari ini belum berisi kegiatan") : List.of());
        forAndi.addAll(List.of(
                "1 pengajuan izin, sakit, cuti atau dinas luar menunggu keputusan Anda",
                "1 laporan harian menunggu persetujuan Anda"));
        assertThat(home(code, "andi", "#waiting li")).containsExactlyInAnyOrderElementsOf(forAndi);
        assertThat(home(code, "boss", "#nothing-waiting")).containsExactly("Tidak ada yang menunggu Anda.");
    }

    /** The texts of the lines the selectors find on the person's home page, in order, and that each line links somewhere of theirs. */
    private List<String> home(String code, String username, String... selectors) {
        WebDriver browser = Browser.chromium();
        try {
            logIn(browser, BASE + "/t/" + code + "/", username, TestRealms.PASSWORD);
            Browser.waitFor(browser, By.id("greeting"));
            List<String> texts = new java.util.ArrayList<>();
            for (String selector : selectors) {
                for (WebElement line : browser.findElements(By.cssSelector(selector))) {
                    texts.add(line.getText());
                    line.findElements(By.tagName("a"))
                            .forEach(link ->
                                    assertThat(link.getAttribute("href")).startsWith(BASE + "/t/" + code + "/"));
                }
            }
            return texts;
        } finally {
            browser.quit();
        }
    }
}
