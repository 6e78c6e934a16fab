package id.fleksi.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import id.fleksi.platform.tenancy.RegionTimeZone;
import id.fleksi.platform.tenancy.TenantCode;
import id.fleksi.platform.tenancy.TenantRegistry;
import id.fleksi.platform.tenancy.TenantStatus;
import id.fleksi.provisioning.bundle.BundleJobs;
import id.fleksi.provisioning.bundle.BundleSignatures;
import id.fleksi.provisioning.bundle.InstanceKeys;
import id.fleksi.provisioning.bundle.TenantHandover;
import id.fleksi.provisioning.feed.DailyFeed;
import id.fleksi.provisioning.feed.ReplicaKeys;
import id.fleksi.provisioning.testing.TestRealms;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The platform operator moves a pemda on the console's "Memindahkan pemda" section, in headless Chromium: sees this
 * instance's key, exports a bundle and downloads it, hands the pemda over and cancels, and is told a short passphrase
 * will not do; once the kabupaten has confirmed, its row says so, offers nothing more to decide, and shows the last day
 * its replica's feed reported. A running job's page reloads itself (the {@code Refresh} header); the test only waits.
 */
class PlatformBundlePageTest extends PageTest {

    static final String REPLICA = "https://fleksi.contoh.go.id";

    @Autowired
    BundleJobs jobs;

    @Autowired
    InstanceKeys keys;

    @Autowired
    TenantRegistry registry;

    @Autowired
    TenantHandover handover;

    @Autowired
    ReplicaKeys replicaKeys;

    String code;
    WebDriver browser;

    @BeforeEach
    void aPemdaAndTheOperatorOnTheConsole() {
        code = onboard("pindah", "Kabupaten Pindah");
        platformOperator();
        browser = Browser.chromium();
        logIn(browser, BASE + "/platform/", "operator", TestRealms.PASSWORD);
        Browser.waitFor(browser, By.id("bundles"));
    }

    @AfterEach
    void closeBrowserAndRemoveBundles() {
        browser.quit();
        jobs.recent().stream()
                .filter(job -> code.equals(job.tenant()) && job.state() != BundleJobs.State.RUNNING)
                .forEach(job -> jobs.remove(job.id()));
        jdbc.sql("delete from platform.tenant_transfer where tenant_code = ?")
                .param(code)
                .update();
    }

    @Test
    void theConsoleShowsThisInstancesKeyAndItsFileInBothLanguages() throws Exception {
        String fingerprint = BundleSignatures.fingerprint(keys.publicKey());

        String shown = browser.findElement(By.cssSelector("#instance-key code")).getText();
        assertThat(shown).matches("SHA256:[A-Za-z0-9+/]{43}").isEqualTo(fingerprint);
        assertThat(browser.findElement(By.id("instance-key")).getText())
                .isEqualTo("Kunci tanda tangan bundel instans ini: "
                        + fingerprint
                        + ". Berikan sidik kunci ini (atau berkas kuncinya) kepada operator yang mengimpor, lewat jalur"
                        + " lain (telepon, surat).");
        WebElement keyFile = browser.findElement(By.linkText("Unduh kunci publik (PEM)"));
        assertThat(keyFile.getDomAttribute("href")).isEqualTo("/platform/instance-key.pem");
        HttpResponse<byte[]> pem = fetch(keyFile.getDomAttribute("href"));
        assertThat(pem.statusCode()).isEqualTo(200);
        assertThat(new String(pem.body(), StandardCharsets.US_ASCII))
                .startsWith("-----BEGIN PUBLIC KEY-----")
                .isEqualTo(BundleSignatures.toPem(keys.publicKey()));

        browser.get(BASE + "/platform/?lang=en");
        Browser.waitFor(browser, By.id("instance-key"));
        assertThat(browser.findElement(By.id("instance-key")).getText())
                .isEqualTo("This instance's bundle-signing key: "
                        + fingerprint
                        + ". Give this fingerprint (or the key file) to the importing operator by another channel"
                        + " (phone, letter).");
        assertThat(browser.findElement(By.linkText("Download the public key (PEM)"))
                        .getDomAttribute("href"))
                .isEqualTo("/platform/instance-key.pem");
    }

    @Test
    void anOperatorExportsAPemdaAndDownloadsItsBundleFromTheJobsRow() throws Exception {
        tenantRow().findElement(By.cssSelector("details.move > summary")).click();
        assertThat(tenantRow()
                        .findElement(By.cssSelector("details.move > summary"))
                        .getText())
                .isEqualTo("Ekspor / serahkan");
        assertThat(browser.findElement(By.cssSelector("label[for='pass-" + code + "']"))
                        .getText())
                .isEqualTo("Frasa sandi (opsional, min. 12 karakter)");
        button(tenantRow(), "Ekspor bundel").click();

        Browser.waitFor(browser, By.id("bundle-jobs"));
        WebElement done = finished("Ekspor");
        assertThat(done.findElement(By.xpath("td[3]")).getText())
                .as(progress(done))
                .isEqualTo("Selesai");
        BundleJobs.Job job = onlyJob(BundleJobs.Kind.EXPORT);
        assertThat(job.state()).isEqualTo(BundleJobs.State.DONE);
        assertThat(done.findElement(By.xpath("td[4]")).getText()).contains("SHA-256 " + job.bundleSha256());
        WebElement download = done.findElement(By.linkText("Unduh bundel"));
        assertThat(download.getDomAttribute("href")).isEqualTo("/platform/bundle-jobs/" + job.id() + "/bundle");

        HttpResponse<byte[]> bundle = fetch(download.getDomAttribute("href"));
        assertThat(bundle.statusCode()).isEqualTo(200);
        assertThat(bundle.headers().firstValue("Content-Disposition"))
                .hasValue("attachment; filename=\"" + code + ".fleksi-bundle\"");
        assertThat(entries(bundle.body()))
                .contains("manifest.json", "manifest.sig", "registry.json", "tables/employee.tsv");
    }

    @Test
    void anOperatorHandsAPemdaOverAndCancelsTheHandover() {
        tenantRow().findElement(By.cssSelector("details.move > summary")).click();
        assertThat(browser.findElement(By.cssSelector("label[for='to-" + code + "']"))
                        .getText())
                .isEqualTo("Alamat Fleksi kabupaten");
        assertThat(browser.findElement(By.cssSelector("label[for='handover-pass-" + code + "']"))
                        .getText())
                .isEqualTo("Frasa sandi (opsional, min. 12 karakter)");
        browser.findElement(By.id("to-" + code)).sendKeys(REPLICA);
        button(tenantRow(), "Serahkan ke server kabupaten").click();

        Browser.waitFor(browser, By.id("bundle-jobs"));
        WebElement done = finished("Penyerahan");
        assertThat(done.findElement(By.xpath("td[3]")).getText())
                .as(progress(done))
                .isEqualTo("Selesai");
        assertThat(onlyJob(BundleJobs.Kind.HANDOVER).state()).isEqualTo(BundleJobs.State.DONE);
        assertThat(tenantRow().findElement(By.xpath("td[4]/span[1]")).getText()).isEqualTo("Sudah diserahkan");
        assertThat(tenantRow()
                        .findElement(By.cssSelector("td:nth-child(4) .hint"))
                        .getText())
                .isEqualTo("→ " + REPLICA);
        assertThat(registry.find(TenantCode.of(code)).orElseThrow().status()).isEqualTo(TenantStatus.HANDED_OVER);
        assertThat(tenantRow().findElements(By.cssSelector("details.move"))).isEmpty();

        button(tenantRow(), "Batalkan penyerahan").click();

        Browser.waitFor(browser, By.xpath("//tr[td[1]='" + code + "']/td[4]/span[1][text()='Aktif']"));
        assertThat(tenantRow().findElements(By.cssSelector("td:nth-child(4) .hint")))
                .isEmpty();
        assertThat(registry.find(TenantCode.of(code)).orElseThrow().status()).isEqualTo(TenantStatus.ACTIVE);
        assertThat(tenantRow()
                        .findElement(By.cssSelector("details.suspend > summary"))
                        .isDisplayed())
                .as("active again: it can be suspended (after a question)")
                .isTrue();
    }

    @Test
    void aConfirmedHandoverShowsWhereThePemdaWentAndTheLastDayOfItsFeedWithNothingLeftToDecide() throws Exception {
        TenantCode tenant = TenantCode.of(code);
        handover.handOver(tenant, REPLICA, OutputStream.nullOutputStream(), null, line -> {});
        handover.confirm(tenant);
        KeyPair replica = BundleSignatures.generate();
        replicaKeys.register(tenant, replica.getPublic());
        LocalDate yesterday = LocalDate.now(RegionTimeZone.WITA.zone()).minusDays(1);
        byte[] feed = ("{\"feed\":1,\"tenant\":\"" + code + "\",\"day\":\"" + yesterday + "\",\"generatedAt\":\""
                        + Instant.now()
                        + "\",\"opds\":[" + opd("DINKES", "Dinas Kesehatan", 41, 37, 30, 5, 2, 4) + ","
                        + opd("DISKOMINFO", "Dinas Komunikasi dan Informatika", 22, 20, 20, 0, 0, 1) + "]}")
                .getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> taken = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(BASE + DailyFeed.PATH))
                                .header("Content-Type", "application/json")
                                .header(
                                        DailyFeed.SIGNATURE_HEADER,
                                        Base64.getEncoder()
                                                .encodeToString(BundleSignatures.sign(replica.getPrivate(), feed)))
                                .header(DailyFeed.SIGNER_HEADER, BundleSignatures.fingerprint(replica.getPublic()))
                                .POST(HttpRequest.BodyPublishers.ofByteArray(feed))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(taken.statusCode()).as(taken.body()).isEqualTo(200);

        browser.get(BASE + "/platform/");
        Browser.waitFor(browser, By.id("bundles"));
        assertThat(tenantRow().findElement(By.xpath("td[4]/span[1]")).getText()).isEqualTo("Sudah diserahkan");
        assertThat(tenantRow()
                        .findElement(By.cssSelector("td:nth-child(4) .hint:not(.feed)"))
                        .getText())
                .isEqualTo("→ " + REPLICA + " (dikonfirmasi kabupaten)");
        assertThat(tenantRow()
                        .findElement(By.cssSelector("td:nth-child(4) .feed"))
                        .getText())
                .isEqualTo("Laporan harian server" + " kabupaten, " + yesterday
                        + ": 57 dari 63 pegawai hadir (WFO 50, WFA 5, terlambat 5) di 2 OPD");
        assertThat(tenantRow().findElements(By.cssSelector("form[action*='/handover'] button")))
                .as("no cancel or confirm once confirmed")
                .isEmpty();
        assertThat(tenantRow()
                        .findElement(By.cssSelector("details.archive > summary"))
                        .getText())
                .as("a pemda handed over can be archived, after a question")
                .isEqualTo("Arsipkan…");

        browser.get(BASE + "/platform/?lang=en");
        Browser.waitFor(browser, By.id("bundles"));
        assertThat(tenantRow()
                        .findElement(By.cssSelector("td:nth-child(4) .hint:not(.feed)"))
                        .getText())
                .isEqualTo("→ " + REPLICA + " (confirmed by the kabupaten)");
        assertThat(tenantRow()
                        .findElement(By.cssSelector("td:nth-child(4) .feed"))
                        .getText())
                .isEqualTo("The kabupaten server's" + " daily feed, " + yesterday
                        + ": 57 of 63 employees in (WFO 50, WFA 5, late 5) in 2 OPD");
    }

    /** One OPD of a feed document, as a replica counts it (docs/feed.md). */
    private static String opd(
            String code, String name, int employees, int in, int wfo, int wfa, int dinasLuar, int late) {
        return "{\"code\":\"" + code + "\",\"name\":\"" + name + "\",\"employees\":" + employees
                + ",\"checkedIn\":{\"total\":" + in
                + ",\"wfo\":" + wfo + ",\"wfa\":" + wfa + ",\"dinasLuar\":" + dinasLuar + ",\"late\":" + late + "},"
                + "\"absent\":{\"izin\":0,\"sakit\":1,\"cuti\":0,\"dinasLuar\":0},\"flaggedCheckIns\":0,\"reportsFiled\":"
                + in + "}";
    }

    @Test
    void aVisitorOfAHandedOverPemdasOldAddressIsToldInTheirLanguageThatItMovedAndWhere() throws Exception {
        handover.handOver(TenantCode.of(code), REPLICA + "/", OutputStream.nullOutputStream(), null, line -> {});
        HttpClient visitor = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();

        HttpResponse<String> page = visitor.send(
                HttpRequest.newBuilder(URI.create(BASE + "/t/" + code + "/attendance/"))
                        .header("Accept", "text/html,application/xhtml+xml")
                        .header("Accept-Language", "id")
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(page.uri().getPath()).isEqualTo("/tenants/" + code);
        assertThat(page.statusCode()).isEqualTo(403);
        assertThat(page.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(page.body())
                .contains("403 · Pemda sudah pindah")
                .contains("Pemda " + code + " sudah pindah ke servernya sendiri dan tidak dilayani di sini lagi.")
                .contains("<a href=\"" + REPLICA + "/t/" + code + "/\">" + REPLICA + "/t/" + code + "/</a>");

        HttpResponse<String> unknown = visitor.send(
                HttpRequest.newBuilder(URI.create(BASE + "/t/tidakada/"))
                        .header("Accept", "text/html")
                        .header("Accept-Language", "id")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body())
                .contains("Tidak ada pemda tidakada di Fleksi ini.")
                .doesNotContain("new-address");

        HttpResponse<String> script = visitor.send(
                HttpRequest.newBuilder(URI.create(BASE + "/t/" + code + "/attendance/"))
                        .header("Accept", "application/json")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(script.uri().getPath()).isEqualTo("/t/" + code + "/attendance/");
        assertThat(script.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));

        handover.cancel(TenantCode.of(code));
        HttpResponse<String> back = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(BASE + "/tenants/" + code))
                                .header("Accept", "text/html")
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(back.statusCode()).isEqualTo(302);
        assertThat(back.headers().firstValue("Location"))
                .hasValueSatisfying(to -> assertThat(to).endsWith("/t/" + code + "/"));
    }

    @Test
    void aPassphraseShorterThanTwelveCharactersIsRefusedByTheFormAndByTheServer() {
        tenantRow().findElement(By.cssSelector("details.move > summary")).click();
        WebElement passphrase = browser.findElement(By.id("pass-" + code));
        passphrase.sendKeys("kurang");
        button(tenantRow(), "Ekspor bundel").click();

        // Chromium's own check stops the form: the same page, no error from the server, no job.
        assertThat(((JavascriptExecutor) browser).executeScript("return arguments[0].validity.tooShort", passphrase))
                .isEqualTo(true);
        assertThat(browser.findElements(By.id("error"))).isEmpty();
        assertThat(jobsOfTheTenant()).isEmpty();

        ((JavascriptExecutor) browser).executeScript("arguments[0].removeAttribute('minlength')", passphrase);
        button(tenantRow(), "Ekspor bundel").click();

        Browser.waitFor(browser, By.id("error"));
        assertThat(browser.getCurrentUrl()).isEqualTo(BASE + "/platform/#error");
        assertThat(inView(browser.findElement(By.id("error")))).isTrue();
        assertThat(browser.findElement(By.id("error")).getText())
                .isEqualTo("The passphrase needs at least 12 characters:"
                        + " a bundle holds every employee's personal data. Nothing was written.");
        assertThat(jobsOfTheTenant()).isEmpty();
        assertThat(registry.find(TenantCode.of(code)).orElseThrow().status()).isEqualTo(TenantStatus.ACTIVE);
    }

    private WebElement tenantRow() {
        return browser.findElement(By.xpath("//tr[td[1]='" + code + "']"));
    }

    private static WebElement button(WebElement row, String text) {
        return row.findElement(By.xpath(".//button[text()='" + text + "']"));
    }

    /** The tenant's job of this kind once it is no longer running; the page reloads itself meanwhile. */
    private WebElement finished(String kind) {
        By row = By.xpath("//table[@id='bundle-jobs']/tbody/tr[td[1]='" + kind + "' and td[2]='" + code + "']");
        return new WebDriverWait(browser, Duration.ofSeconds(60), Duration.ofMillis(500))
                .ignoring(NoSuchElementException.class)
                .ignoring(StaleElementReferenceException.class)
                .until(driver -> {
                    WebElement found = driver.findElement(row);
                    return found.findElement(By.xpath("td[3]")).getText().equals("Berjalan") ? null : found;
                });
    }

    /** Whether the element is on screen as the page opens, not scrolled past. */
    private boolean inView(WebElement element) {
        return Boolean.TRUE.equals(((JavascriptExecutor) browser)
                .executeScript(
                        "var box = arguments[0].getBoundingClientRect();"
                                + " return Math.round(box.top) >= 0 && Math.round(box.bottom) <= window.innerHeight",
                        element));
    }

    private static String progress(WebElement jobRow) {
        return jobRow.findElement(By.xpath("td[4]")).getText();
    }

    private List<BundleJobs.Job> jobsOfTheTenant() {
        return jobs.recent().stream().filter(job -> code.equals(job.tenant())).toList();
    }

    private BundleJobs.Job onlyJob(BundleJobs.Kind kind) {
        List<BundleJobs.Job> found = jobsOfTheTenant();
        assertThat(found).extracting(BundleJobs.Job::kind).containsExactly(kind);
        return found.get(0);
    }

    /** A GET with the browser's session, as a download from the page would be. */
    private HttpResponse<byte[]> fetch(String path) throws IOException, InterruptedException {
        String cookies = browser.manage().getCookies().stream()
                .map(c -> c.getName() + "=" + c.getValue())
                .collect(Collectors.joining("; "));
        HttpClient client =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        return client.send(
                HttpRequest.newBuilder(URI.create(BASE + path))
                        .header("Cookie", cookies)
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private static List<String> entries(byte[] zip) throws IOException {
        List<String> names = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                names.add(entry.getName());
            }
        }
        return names;
    }
}
