package id.fleksi.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import id.fleksi.platform.security.Role;
import id.fleksi.provisioning.testing.TestRealms;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;

/**
 * In the browser: a tenant admin imports BKPSDM's spreadsheets (a bad row first), hands an employee a
 * one-time password, and the employee logs in with it, chooses their own, and lands on their home page.
 */
class EmployeesPageTest extends PageTest {

    static final String NIP = "199001152015032001";

    @Test
    void anAdminImportsEmployeesAndAnImportedEmployeeLogsIn() throws Exception {
        String code = onboard("pegawai", "Kabupaten Pegawai");
        TestRealms.addUser(realmUsers, code, "boss", Role.TENANT_ADMIN);
        Path dir = Files.createTempDirectory("fleksi-import");
        Path units = Files.writeString(dir.resolve("unit.csv"), "code,name,kind\nBKPSDM,Badan Kepegawaian,BADAN\n");
        Path staff = Files.writeString(
                dir.resolve("pegawai.csv"),
                "nip,name,employment_type,unit_code\n" + NIP
                        + ",Nurul Hidayah,PNS,BKPSDM\n19900115201503300X,Salah,PNS,BKPSDM\n");

        WebDriver admin = Browser.chromium();
        String oneTimePassword;
        try {
            logIn(admin, BASE + "/t/" + code + "/", "boss", TestRealms.PASSWORD);
            Browser.waitFor(admin, By.id("menu"));
            admin.findElement(By.linkText("Pegawai")).click();
            upload(admin, "units", units);
            Browser.waitFor(admin, By.id("imported"));
            admin.findElement(By.id("back")).click();
            upload(admin, "employees", staff);
            Browser.waitFor(admin, By.id("problems"));
            assertThat(admin.findElement(By.id("problems")).getText())
                    .contains("tidak ada yang diimpor", "3", "nip", "NIP hanya berisi angka");

            Files.writeString(staff, "nip,name,employment_type,unit_code\n" + NIP + ",Nurul Hidayah,PNS,BKPSDM\n");
            admin.findElement(By.id("back")).click();
            upload(admin, "employees", staff);
            Browser.waitFor(admin, By.id("imported"));
            assertThat(admin.findElement(By.id("imported")).getText()).contains("1 baru");
            admin.findElement(By.id("back")).click();
            assertThat(admin.findElement(By.cssSelector("#employee-" + NIP + " .status"))
                            .getText())
                    .as("a status in words")
                    .isEqualTo("Aktif");

            admin.findElement(By.cssSelector("#employee-" + NIP + " button")).click();
            Browser.waitFor(admin, By.id("one-time-password"));
            oneTimePassword = admin.findElement(By.id("one-time-password")).getText();
        } finally {
            admin.quit();
        }

        WebDriver employee = Browser.chromium();
        try {
            logIn(employee, BASE + "/t/" + code + "/", NIP, oneTimePassword);
            Browser.waitFor(employee, By.id("password-new"));
            employee.findElement(By.id("password-new")).sendKeys("kata-sandi-baru-1");
            employee.findElement(By.id("password-confirm")).sendKeys("kata-sandi-baru-1");
            employee.findElement(By.id("password-confirm")).submit();
            Browser.waitFor(employee, By.id("greeting"));
            assertThat(employee.findElement(By.id("greeting")).getText())
                    .as("greeted by name")
                    .isEqualTo("Halo, Nurul Hidayah");
            assertThat(employee.findElement(By.id("roles")).getText()).isEqualTo("asn");
        } finally {
            employee.quit();
        }
    }

    private static void upload(WebDriver browser, String kind, Path file) {
        Browser.waitFor(browser, By.id("file"));
        new Select(browser.findElement(By.id("kind"))).selectByValue(kind);
        browser.findElement(By.id("file")).sendKeys(file.toString());
        browser.findElement(By.id("import")).click();
    }
}
