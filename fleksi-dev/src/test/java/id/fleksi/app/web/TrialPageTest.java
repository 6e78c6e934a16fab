package id.fleksi.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import id.fleksi.dev.demo.DemoSeed;
import id.fleksi.platform.security.Role;
import id.fleksi.platform.tenancy.RegionTimeZone;
import id.fleksi.platform.tenancy.TenantCode;
import id.fleksi.platform.tenancy.TenantKind;
import id.fleksi.provisioning.onboarding.NewTenant;
import id.fleksi.provisioning.testing.TestRealms;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

/**
 * The Sekda's page on the demo: mateng seeded as {@code fleksi up} seeds it (its trial's history included), the Bupati
 * (realm role pimpinan) opens the WFA trial's verdict and reads the one-page summary with its conclusion, a chart per
 * measure and the table per OPD; then WFA days against office days; and the same through the API. The page is kept as
 * target/trial-page.png for a person to look at.
 */
class TrialPageTest extends PageTest {

    @Autowired
    DemoSeed demo;

    @Test
    @SuppressWarnings({"unchecked", "rawtypes"})
    void theBupatiReadsTheTrialsVerdictOnTheDemo() throws Exception {
        String code = TestRealms.unique("ujicoba");
        removeAfter(code);
        demo.tenant(
                new NewTenant(
                        code, "Kabupaten Mamuju Tengah", TenantKind.KABUPATEN, null, "76.06", RegionTimeZone.WITA),
                "mateng",
                300);
        demo.trialHistory(TenantCode.of(code));

        WebDriver browser = Browser.chromium();
        try {
            logIn(browser, BASE + "/t/" + code + "/evaluation/trial", "bupati", DemoSeed.PASSWORD);
            Browser.waitFor(browser, By.id("summary"));
            assertThat(browser.findElement(By.tagName("h1")).getText())
                    .isEqualTo("Hasil uji coba WFA \u00b7 Kabupaten Mamuju Tengah");
            List<WebElement> lines = browser.findElements(By.cssSelector("#summary > p:not(.method)"));
            assertThat(lines.get(0).getText())
                    .isEqualTo("Uji coba WFA Kabupaten Mamuju Tengah: 22 Januari 2026 s.d. 22 April 2026,"
                            + " dibandingkan dengan periode sebelumnya 23 Oktober 2025 s.d. 21 Januari 2026.");
            assertThat(lines.get(1).getText())
                    .startsWith("Yang dibandingkan: 302 pegawai yang ada di kedua sisi; 0 pegawai");
            assertThat(lines.get(2).getText()).startsWith("Selama uji coba, kehadiran ");
            WebElement conclusion = browser.findElement(By.cssSelector("#summary p.conclusion"));
            assertThat(conclusion.getText()).startsWith("Kesimpulan: ").doesNotContain("terlalu sedikit data");
            assertThat(browser.findElements(By.cssSelector("#charts figure svg")))
                    .hasSize(9);
            assertThat(browser.findElement(By.id("opds")).getText())
                    .contains("Dinas Komunikasi dan Informatika", "Dinas Kesehatan");
            browser.manage().window().setSize(new Dimension(1100, 2600));
            Files.write(
                    Path.of("target", "trial-page.png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));

            browser.get(BASE + "/t/" + code + "/evaluation/trial?mode=DAYS");
            Browser.waitFor(browser, By.id("summary"));
            assertThat(browser.findElement(By.cssSelector("#summary > p")).getText())
                    .isEqualTo(
                            "Uji coba WFA Kabupaten Mamuju Tengah:"
                                    + " 22 Januari 2026 s.d. 22 April 2026; hari WFA dibandingkan dengan hari kerja di kantor pada masa yang sama.");
            assertThat(browser.findElement(By.id("summary")).getText())
                    .contains("tidak punya hari WFA atau hari kantor selama uji coba");
            assertThat(browser.findElement(By.id("opds")).getText()).doesNotContain("Dinas Kesehatan");
        } finally {
            browser.quit();
        }

        // The same through the API: BKD reads the JSON; an ASN is refused and a comparison that is neither is a 400,
        // each in Bahasa Indonesia.
        TestRealms.addTestClient(code, "fleksi-api");
        TestRealms.addUser(realmUsers, code, "kepegawaian", Role.BKD);
        TestRealms.addUser(realmUsers, code, "pegawai", Role.ASN);
        String path = "/api/v1/t/" + code + "/evaluation/trial";
        ResponseEntity<Map> json = api(TestRealms.token(code, "kepegawaian"))
                .get()
                .uri(path + "?mode=DAYS")
                .retrieve()
                .toEntity(Map.class);
        assertThat(json.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat((Map<String, Object>) json.getBody().get("comparison"))
                .containsEntry("mode", "DAYS")
                .containsEntry("trialFrom", "2026-01-22")
                .containsEntry("counted", "2026-04-22");
        assertThat((List<Map<String, Object>>) json.getBody().get("total"))
                .extracting(m -> m.get("key"))
                .containsExactly(
                        "attendance",
                        "punctuality",
                        "reportCompliance",
                        "activitiesPerDay",
                        "outputPerDay",
                        "approvalRate",
                        "returnRate",
                        "flaggedCheckIns",
                        "publicRating");
        ResponseEntity<Map> refused = api(TestRealms.token(code, "pegawai"))
                .get()
                .uri(path)
                .retrieve()
                .toEntity(Map.class);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(refused.getBody())
                .containsEntry("detail", "Hasil uji coba WFA untuk pimpinan, BKD dan admin pemda.");
        ResponseEntity<Map> neither = api(TestRealms.token(code, "kepegawaian"))
                .get()
                .uri(path + "?mode=MINGGUAN")
                .retrieve()
                .toEntity(Map.class);
        assertThat(neither.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(neither.getBody()).containsEntry("title", "Perbandingan tidak dikenal");
    }

    private RestClient api(String token) {
        return RestClient.builder()
                .baseUrl(BASE)
                .defaultHeader("Authorization", "Bearer " + token)
                .defaultStatusHandler(status -> true, (request, response) -> {})
                .build();
    }
}
