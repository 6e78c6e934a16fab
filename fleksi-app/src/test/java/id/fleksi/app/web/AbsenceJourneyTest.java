package id.fleksi.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import id.fleksi.platform.security.Role;
import id.fleksi.platform.tenancy.TenantCode;
import id.fleksi.provisioning.testing.TestRealms;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A sick day on a phone-sized Chromium: the ASN asks for it (a dinas luar without its letter is refused and
 * nothing is filed, what she typed is kept), attaches the doctor's note after, and her supervisor reads the note, is told a return
 * needs a reason, and approves; the ASN sees the decision, and the days excused in her monthly recap.
 */
class AbsenceJourneyTest extends PageTest {

    @TempDir
    Path files;

    @Test
    void anAsnAsksForASickDayWithTheDoctorsNoteAndHerSupervisorApprovesIt() throws Exception {
        String code = onboard("izin", "Kabupaten Perizinan");
        String s = TenantCode.of(code).schemaName();
        UUID unit = UUID.randomUUID();
        jdbc.sql("insert into " + s
                        + ".org_unit (id, code, name, kind) values (?, 'DISKOMINFO', 'Diskominfo', 'DINAS')")
                .param(unit)
                .update();
        UUID boss = employee(code, "atasan", "Andi Atasan", unit, null, Role.ATASAN, Role.ASN);
        employee(code, "asn", "Siti Aparatur", unit, boss, Role.ASN);
        Path note = files.resolve("surat-dokter.pdf");
        Files.write(note, "%PDF-1.7 surat keterangan sakit".getBytes());

        WebDriver phone = Browser.chromium();
        try {
            logIn(phone, BASE + "/t/" + code + "/attendance/", "asn", TestRealms.PASSWORD);
            WebDriverWait wait = new WebDriverWait(phone, Duration.ofSeconds(20));
            wait.until(ExpectedConditions.elementToBeClickable(By.id("absences-link")))
                    .click();

            new Select(wait.until(ExpectedConditions.presenceOfElementLocated(By.id("kind"))))
                    .selectByVisibleText("Dinas luar");
            phone.findElement(By.id("reason")).sendKeys("Rapat koordinasi di Mamuju");
            phone.findElement(By.id("send-absence")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("error"), "nomor surat tugas"));
            assertThat(count(s)).isZero();
            assertThat(phone.findElement(By.id("reason")).getDomProperty("value"))
                    .as("what she typed is kept")
                    .isEqualTo("Rapat koordinasi di Mamuju");
            assertThat(new Select(phone.findElement(By.id("kind")))
                            .getFirstSelectedOption()
                            .getText())
                    .isEqualTo("Dinas luar");

            new Select(phone.findElement(By.id("kind"))).selectByVisibleText("Sakit");
            dates(phone, "2026-03-02", "2026-03-03");
            phone.findElement(By.id("reason")).clear();
            phone.findElement(By.id("reason")).sendKeys("Demam tinggi");
            phone.findElement(By.id("send-absence")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(
                    By.id("done"), "Pengajuan terkirim ke atasan Anda"));
            assertThat(phone.findElement(By.id("mine")).getText())
                    .contains("Sakit", "2 Mar", "3 Mar 2026", "Menunggu keputusan atasan");

            phone.findElement(By.cssSelector("#mine form.attach input[type=file]"))
                    .sendKeys(note.toString());
            phone.findElement(By.cssSelector("#mine form.attach button")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("done"), "Dokumen terlampir"));
            assertThat(phone.findElement(By.id("mine")).getText()).contains("surat-dokter.pdf");
        } finally {
            phone.quit();
        }

        WebDriver supervisor = Browser.chromium();
        try {
            logIn(supervisor, BASE + "/t/" + code + "/attendance/absences", "atasan", TestRealms.PASSWORD);
            WebDriverWait wait = new WebDriverWait(supervisor, Duration.ofSeconds(20));
            assertThat(wait.until(ExpectedConditions.presenceOfElementLocated(By.id("awaiting")))
                            .getText())
                    .contains("Siti Aparatur · Sakit", "Demam tinggi", "surat-dokter.pdf");
            // The note opens for her supervisor, as the PDF it was proven to be.
            String href =
                    supervisor.findElement(By.linkText("surat-dokter.pdf")).getDomAttribute("href");
            Object fetched = ((JavascriptExecutor) supervisor)
                    .executeAsyncScript(
                            "const done = arguments[arguments.length - 1];"
                                    + " fetch(arguments[0]).then(r => r.text().then(t => done(r.status + ' ' + r.headers.get('content-type') + ' ' + t)));",
                            href);
            assertThat(fetched).isEqualTo("200 application/pdf %PDF-1.7 surat keterangan sakit");

            supervisor.findElement(By.cssSelector("#awaiting button.give-back")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(
                    By.id("error"), "mengembalikan izin perlu alasan"));
            supervisor.findElement(By.cssSelector("#awaiting button.approve")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("done"), "Pengajuan disetujui"));
            assertThat(supervisor.findElements(By.id("awaiting"))).isEmpty();
        } finally {
            supervisor.quit();
        }
        assertThat(jdbc.sql("select status || ' ' || decided_by from " + s + ".attendance_absence")
                        .query(String.class)
                        .single())
                .isEqualTo("APPROVED atasan");

        WebDriver again = Browser.chromium();
        try {
            logIn(again, BASE + "/t/" + code + "/attendance/absences", "asn", TestRealms.PASSWORD);
            WebDriverWait wait = new WebDriverWait(again, Duration.ofSeconds(20));
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("mine"), "Disetujui"));
            assertThat(again.findElements(By.cssSelector("#mine form.attach")))
                    .as("a decided absence's document no longer changes")
                    .isEmpty();

            // Her recap of that month counts the two days as excused.
            again.get(BASE + "/t/" + code + "/attendance/history?month=2026-03");
            assertThat(wait.until(ExpectedConditions.presenceOfElementLocated(By.id("excused")))
                            .getText())
                    .isEqualTo("2");
            assertThat(again.findElement(By.tagName("h1")).getText()).isEqualTo("Rekap Maret 2026");
            assertThat(again.findElement(By.cssSelector("#days tbody tr:nth-child(2)"))
                            .getText())
                    .contains("Sen 2", "Izin/dinas");
            assertThat(again.findElement(By.id("next-month")).getText()).isEqualTo("April 2026 →");
            // The months around it are history pages too, not today's page.
            assertThat(again.findElement(By.id("previous-month")).getDomAttribute("href"))
                    .isEqualTo("/t/" + code + "/attendance/history?month=2026-02");
            assertThat(again.findElement(By.id("next-month")).getDomAttribute("href"))
                    .isEqualTo("/t/" + code + "/attendance/history?month=2026-04");
        } finally {
            again.quit();
        }
    }

    /** Date inputs take their value in ISO form; typing into them depends on the browser's locale. */
    private static void dates(WebDriver browser, String from, String to) {
        ((JavascriptExecutor) browser)
                .executeScript(
                        "document.getElementById('from').value = arguments[0];"
                                + " document.getElementById('to').value = arguments[1];",
                        from,
                        to);
    }

    private int count(String schema) {
        return jdbc.sql("select count(*) from " + schema + ".attendance_absence")
                .query(Integer.class)
                .single();
    }
}
