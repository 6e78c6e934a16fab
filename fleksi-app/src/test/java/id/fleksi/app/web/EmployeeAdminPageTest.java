package id.fleksi.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import id.fleksi.platform.modules.ModuleSwitches;
import id.fleksi.platform.security.Role;
import id.fleksi.platform.tenancy.TenantCode;
import id.fleksi.provisioning.testing.TestRealms;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * In the browser, as a tenant admin among 150 employees of two OPDs: finding people by name, by NIP and by OPD a page at a
 * time; setting a supervisor and moving an employee to another unit; a supervisor who is the employee themself refused in
 * Indonesian with the typed values kept; the change in the audit trail, before and after; an import without a required
 * column told in Indonesian; the downloaded templates imported as they are. Every page fits a 360 px phone.
 */
class EmployeeAdminPageTest extends PageTest {

    @Autowired
    ModuleSwitches switches;

    @Test
    void anAdminFindsEditsAndAuditsEmployeesAndImportsFromTheTemplates() throws Exception {
        String code = onboard("orang", "Kabupaten Orang");
        TestRealms.addUser(realmUsers, code, "boss", Role.TENANT_ADMIN);
        String schema = "tenant_" + code;
        UUID dinkes = unit(schema, "DINKES", "Dinas Kesehatan");
        UUID kominfo = unit(schema, "KOMINFO", "Dinas Komunikasi dan Informatika");
        for (int i = 1; i <= 130; i++) {
            bulk(schema, String.format("Pegawai Dinkes %03d", i), String.format("dinkes%03d", i), null, dinkes);
        }
        for (int i = 1; i <= 15; i++) {
            bulk(schema, String.format("Pegawai Kominfo %02d", i), String.format("kominfo%02d", i), null, kominfo);
        }
        bulk(schema, "Rahmat Hidayat", "rahmat.h", null, dinkes);
        bulk(schema, "Rahmat Saleh", "rahmat.s", null, kominfo);
        bulk(schema, "Budi Santoso", "198503122010011004", "198503122010011004", kominfo);
        UUID andi = employee(code, "andi", "Andi Atasan", kominfo, null);
        UUID siti = employee(code, "siti", "Siti Aparatur", kominfo, null);
        String base = BASE + "/t/" + code + "/admin/";
        switches.change(TenantCode.of(code), "attendance", null, Map.of("latenessToleranceMinutes", 45), "boss");

        WebDriver admin = Browser.chromium();
        try {
            logIn(admin, BASE + "/t/" + code + "/", "boss", TestRealms.PASSWORD);
            Browser.waitFor(admin, By.id("menu"));
            admin.manage().window().setSize(new Dimension(360, 800));
            admin.findElement(By.linkText("Pegawai")).click();
            Browser.waitFor(admin, By.id("q"));
            assertThat(text(admin, "count")).isEqualTo("150 pegawai ditemukan · halaman 1 dari 3");
            assertThat(names(admin)).hasSize(50);
            assertFitsAPhone(admin);

            admin.findElement(By.id("q")).sendKeys("rahmat");
            Browser.pressAndLoad(admin, By.id("find"));
            assertThat(names(admin)).containsExactly("Rahmat Hidayat", "Rahmat Saleh");
            new Select(admin.findElement(By.id("unit"))).selectByVisibleText("Dinas Komunikasi dan Informatika");
            Browser.pressAndLoad(admin, By.id("find"));
            assertThat(names(admin)).containsExactly("Rahmat Saleh");
            admin.get(base + "employees?q=2010011004");
            assertThat(names(admin)).as("found by a part of the NIP").containsExactly("Budi Santoso");
            admin.get(base + "employees?q=19850312+201001+1+004");
            assertThat(names(admin)).as("a NIP as printed on an ID card").containsExactly("Budi Santoso");
            admin.get(base + "employees?q=%25");
            assertThat(text(admin, "count"))
                    .as("a % is a character, not a wildcard")
                    .startsWith("0 pegawai");

            admin.get(base + "employees?unit=" + dinkes);
            assertThat(text(admin, "count")).isEqualTo("131 pegawai ditemukan · halaman 1 dari 3");
            Browser.pressAndLoad(admin, By.id("next"));
            assertThat(text(admin, "count")).isEqualTo("131 pegawai ditemukan · halaman 2 dari 3");
            assertThat(admin.getCurrentUrl()).contains("unit=" + dinkes, "page=2");
            assertThat(admin.findElements(By.cssSelector("ul.people li .unit")).stream()
                            .map(WebElement::getText)
                            .distinct())
                    .as("the next page keeps the OPD filter")
                    .containsExactly("Dinas Kesehatan");
            assertThat(names(admin)).hasSize(50).first().isEqualTo("Pegawai Dinkes 051");

            admin.get(base + "employees?q=siti");
            admin.findElement(By.linkText("Siti Aparatur")).click();
            Browser.waitFor(admin, By.id("supervisorId"));
            assertFitsAPhone(admin);
            new Select(admin.findElement(By.id("supervisorId"))).selectByValue(andi.toString());
            new Select(admin.findElement(By.id("unitId"))).selectByValue(dinkes.toString());
            admin.findElement(By.id("position")).sendKeys("Pranata Komputer");
            admin.findElement(By.id("save")).click();
            Browser.waitFor(admin, By.id("saved"));
            assertThat(text(admin, "saved")).isEqualTo("Perubahan data Siti Aparatur disimpan.");
            assertThat(jdbc.sql("select supervisor_id, unit_id, position from " + schema + ".employee where id = ?")
                            .param(siti)
                            .query((rs, n) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3)))
                            .single())
                    .containsExactly(andi.toString(), dinkes.toString(), "Pranata Komputer");

            WebElement name = admin.findElement(By.id("name"));
            name.clear();
            name.sendKeys("Siti Diketik");
            admin.findElement(By.id("supervisorNip")).sendKeys("siti");
            admin.findElement(By.id("save")).click();
            Browser.waitFor(admin, By.id("error"));
            assertThat(text(admin, "error"))
                    .isEqualTo("Seorang pegawai tidak bisa menjadi atasannya sendiri. Tidak ada yang diubah.");
            assertThat(admin.findElement(By.id("name")).getAttribute("value"))
                    .as("what was typed stays")
                    .isEqualTo("Siti Diketik");
            assertThat(admin.findElement(By.id("supervisorNip")).getAttribute("value"))
                    .isEqualTo("siti");
            assertThat(jdbc.sql("select name || ' ' || supervisor_id from " + schema + ".employee where id = ?")
                            .param(siti)
                            .query(String.class)
                            .single())
                    .isEqualTo("Siti Aparatur " + andi);

            admin.findElement(By.linkText("Jejak audit")).click();
            Browser.waitFor(admin, By.id("events"));
            assertFitsAPhone(admin);
            WebElement latest = admin.findElements(By.cssSelector("#events li")).get(0);
            assertThat(latest.findElement(By.className("action")).getText()).isEqualTo("Data pegawai diubah");
            assertThat(latest.findElement(By.className("target")).getText()).isEqualTo("siti");
            assertThat(latest.getText())
                    .contains(
                            "oleh boss",
                            "Atasan\n– → Andi Atasan (andi)",
                            "Unit\nDinas Komunikasi dan Informatika → Dinas Kesehatan",
                            "Jabatan\n– → Pranata Komputer");
            assertThat(latest.getText()).as("only what changed").doesNotContain("Nama\n");
            new Select(admin.findElement(By.id("kind"))).selectByValue("module");
            Browser.pressAndLoad(admin, By.id("show"));
            assertThat(admin.findElements(By.cssSelector("#events .action")).stream()
                            .map(WebElement::getText)
                            .distinct())
                    .doesNotContain("Data pegawai diubah");
            WebElement setting =
                    admin.findElements(By.cssSelector("#events li")).get(0);
            assertThat(setting.findElement(By.className("action")).getText()).isEqualTo("Setelan modul diubah");
            assertThat(setting.findElement(By.className("target")).getText()).isEqualTo("Presensi");
            assertThat(setting.findElement(By.className("change")).getText())
                    .as("a setting by its label, only what changed")
                    .isEqualTo("Toleransi keterlambatan (menit)\n30 → 45");
            admin.get(base + "audit?kind=employee&actor=someone-else");
            assertThat(text(admin, "count")).startsWith("0 kejadian");

            Path dir = Files.createTempDirectory("fleksi-template");
            Path missing = Files.writeString(
                    dir.resolve("pegawai.csv"),
                    "nip,name,employment_type\n" + "199001152015032001,Nurul Hidayah,PNS\n");
            admin.get(base + "employees");
            upload(admin, "employees", missing);
            Browser.waitFor(admin, By.id("problems"));
            assertThat(admin.findElement(By.id("problems")).getText())
                    .contains(
                            "tidak ada yang diimpor",
                            "baris judul tidak punya kolom 'unit_code'; salin baris judul dari contoh berkas");
            String job = admin.getCurrentUrl();
            admin.get(job + "?lang=en");
            assertThat(text(admin, "problems"))
                    .as("in English for a reader who chose it")
                    .contains("nothing was imported", "the header has no column 'unit_code'");
            admin.get(job + "?lang=id");
            Browser.waitFor(admin, By.id("problems"));

            admin.get(base + "employees");
            upload(admin, "employees", Files.writeString(dir.resolve("pegawai.pdf"), "%PDF-1.4"));
            assertThat(text(admin, "import-error"))
                    .isEqualTo("Berkas ini tidak dapat dibaca dan tidak ada yang diimpor (berkas impor"
                            + " berakhiran .csv atau .xlsx, bukan pegawai.pdf). Unggah berkas CSV atau XLSX dengan baris judul di baris 1;"
                            + " contoh berkasnya ada di bawah formulir impor.");

            String cookies = admin.manage().getCookies().stream()
                    .map(c -> c.getName() + "=" + c.getValue())
                    .collect(Collectors.joining("; "));
            admin.get(base + "employees");
            Path units = download(
                    admin.findElement(By.id("template-units-xlsx")).getAttribute("href"), cookies, dir, "unit.xlsx");
            Path staffCsv = download(
                    admin.findElement(By.id("template-employees-csv")).getAttribute("href"), cookies, dir, "p.csv");
            Path staffXlsx = download(
                    admin.findElement(By.id("template-employees-xlsx")).getAttribute("href"), cookies, dir, "p.xlsx");
            assertThat(Files.readString(staffCsv)).startsWith("\uFEFFnip,pppk_number,username,name,employment_type,");
            upload(admin, "units", units);
            Browser.waitFor(admin, By.id("imported"));
            assertThat(text(admin, "imported")).isEqualTo("1 baris diimpor: 1 baru, 0 diubah, 0 tetap.");
            admin.get(base + "employees");
            upload(admin, "employees", staffCsv);
            Browser.waitFor(admin, By.id("imported"));
            assertThat(text(admin, "imported")).isEqualTo("1 baris diimpor: 1 baru, 0 diubah, 0 tetap.");
            admin.get(base + "employees");
            upload(admin, "employees", staffXlsx);
            Browser.waitFor(admin, By.id("imported"));
            assertThat(text(admin, "imported"))
                    .as("the XLSX template says the same as the CSV")
                    .isEqualTo("1 baris diimpor: 0 baru, 0 diubah, 1 tetap.");
        } finally {
            admin.quit();
        }
    }

    @Test
    void anAdminGivesAnEmployeeTheEmailAddressWarningsAndPasswordResetsGoTo() {
        String code = onboard("surel", "Kabupaten Surel");
        TestRealms.addUser(realmUsers, code, "boss", Role.TENANT_ADMIN);
        String schema = "tenant_" + code;
        UUID kominfo = unit(schema, "KOMINFO", "Dinas Komunikasi dan Informatika");
        employee(code, "andi", "Andi Atasan", kominfo, null);
        UUID siti = employee(code, "siti", "Siti Aparatur", kominfo, null);
        var users = TestRealms.admin().realm(code).users();
        var andi = users.searchByUsername("andi", true).get(0);
        andi.setEmail("andi@mamujutengahkab.go.id");
        users.get(andi.getId()).update(andi);
        String form = BASE + "/t/" + code + "/admin/employees/" + siti;

        WebDriver admin = Browser.chromium();
        try {
            logIn(admin, BASE + "/t/" + code + "/", "boss", TestRealms.PASSWORD);
            Browser.waitFor(admin, By.id("menu"));
            admin.get(form);
            Browser.waitFor(admin, By.id("email"));
            assertThat(admin.findElement(By.id("email")).getAttribute("value")).isEmpty();

            // The browser takes "siti@pemda" as an address; Fleksi wants a domain with a dot, and changes nothing.
            admin.findElement(By.id("position")).sendKeys("Pranata Komputer");
            admin.findElement(By.id("email")).sendKeys("siti@pemda");
            admin.findElement(By.id("save")).click();
            Browser.waitFor(admin, By.id("error"));
            assertThat(text(admin, "error"))
                    .isEqualTo("\"siti@pemda\" bukan alamat e-mail (nama@domain, misalnya"
                            + " siti@mamujutengahkab.go.id). Tidak ada yang diubah.");
            assertThat(admin.findElement(By.id("email")).getAttribute("value"))
                    .as("what was typed stays")
                    .isEqualTo("siti@pemda");
            assertThat(jdbc.sql("select coalesce(position, '-') from " + schema + ".employee where id = ?")
                            .param(siti)
                            .query(String.class)
                            .single())
                    .as("nothing was changed")
                    .isEqualTo("-");
            assertThat(keycloakEmail(code, "siti")).isNull();

            WebElement email = admin.findElement(By.id("email"));
            email.clear();
            email.sendKeys(" siti.aparatur@mamujutengahkab.go.id ");
            admin.findElement(By.id("save")).click();
            Browser.waitFor(admin, By.id("saved"));
            assertThat(keycloakEmail(code, "siti")).isEqualTo("siti.aparatur@mamujutengahkab.go.id");
            assertThat(admin.findElement(By.id("email")).getAttribute("value"))
                    .isEqualTo("siti.aparatur@mamujutengahkab.go.id");

            // Andi's address is his: the rest of the form is saved, the address is not, and the page says which.
            email = admin.findElement(By.id("email"));
            email.clear();
            email.sendKeys("andi@mamujutengahkab.go.id");
            WebElement position = admin.findElement(By.id("position"));
            position.clear();
            position.sendKeys("Analis Kebijakan");
            admin.findElement(By.id("save")).click();
            Browser.waitFor(admin, By.id("error"));
            assertThat(text(admin, "error"))
                    .isEqualTo("Perubahan lain sudah disimpan, tetapi alamat e-mail tidak: Alamat"
                            + " andi@mamujutengahkab.go.id sudah dipakai akun lain di pemda ini; satu alamat hanya untuk satu akun."
                            + " Periksa alamatnya lalu simpan lagi.");
            assertThat(keycloakEmail(code, "siti")).isEqualTo("siti.aparatur@mamujutengahkab.go.id");
            assertThat(jdbc.sql("select position from " + schema + ".employee where id = ?")
                            .param(siti)
                            .query(String.class)
                            .single())
                    .isEqualTo("Analis Kebijakan");

            admin.get(form);
            Browser.waitFor(admin, By.id("email"));
            admin.findElement(By.id("email")).clear();
            admin.findElement(By.id("save")).click();
            Browser.waitFor(admin, By.id("saved"));
            assertThat(keycloakEmail(code, "siti"))
                    .as("an emptied field removes the address")
                    .isNull();
            assertThat(jdbc.sql("select count(*) from " + schema + ".audit_event where action = 'employee.email'")
                            .query(Long.class)
                            .single())
                    .as("set, then removed; the refused and unchanged saves leave no event")
                    .isEqualTo(2);
        } finally {
            admin.quit();
        }
    }

    private static String keycloakEmail(String realm, String username) {
        String email = TestRealms.admin()
                .realm(realm)
                .users()
                .searchByUsername(username, true)
                .get(0)
                .getEmail();
        return email == null || email.isEmpty() ? null : email;
    }

    private UUID unit(String schema, String unitCode, String name) {
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into " + schema + ".org_unit (id, code, name, kind) values (?, ?, ?, 'DINAS')")
                .params(id, unitCode, name)
                .update();
        return id;
    }

    /** An employee row alone, for numbers (no realm user: these are only found, never edited). */
    private void bulk(String schema, String name, String username, String nip, UUID unit) {
        jdbc.sql("insert into " + schema
                        + ".employee (id, nip, name, employment_type, unit_id, status, username, realm_user_id,"
                        + " created_at, updated_at) values (?, ?, ?, ?, ?, 'ACTIVE', ?, ?, now(), now())")
                .params(
                        UUID.randomUUID(),
                        nip,
                        name,
                        nip == null ? "NON_ASN" : "PNS",
                        unit,
                        username,
                        UUID.randomUUID().toString())
                .update();
    }

    /** Clicks and waits for the next page, so nothing is read from the page being left. */
    private static List<String> names(WebDriver browser) {
        Browser.waitFor(browser, By.id("count"));
        return browser.findElements(By.cssSelector("ul.people li .name")).stream()
                .map(WebElement::getText)
                .toList();
    }

    private static String text(WebDriver browser, String id) {
        Browser.waitFor(browser, By.id(id));
        return browser.findElement(By.id(id)).getText();
    }

    private static void assertFitsAPhone(WebDriver browser) {
        Object width = ((JavascriptExecutor) browser).executeScript("return document.documentElement.scrollWidth");
        assertThat(((Number) width).intValue())
                .as("no sideways scroll at 360 px: " + browser.getCurrentUrl())
                .isLessThanOrEqualTo(360);
    }

    private static Path download(String url, String cookies, Path dir, String name) throws Exception {
        HttpResponse<Path> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(url))
                                .header("Cookie", cookies)
                                .build(),
                        HttpResponse.BodyHandlers.ofFile(dir.resolve(name)));
        assertThat(response.statusCode()).as(url).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Disposition").orElse(""))
                .startsWith("attachment");
        return response.body();
    }

    private static void upload(WebDriver browser, String kind, Path file) {
        Browser.waitFor(browser, By.id("file"));
        new Select(browser.findElement(By.id("kind"))).selectByValue(kind);
        browser.findElement(By.id("file")).sendKeys(file.toString());
        browser.findElement(By.id("import")).click();
    }
}
