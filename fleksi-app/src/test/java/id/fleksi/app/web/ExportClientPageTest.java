package id.fleksi.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import id.fleksi.platform.security.Role;
import id.fleksi.provisioning.testing.TestRealms;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/**
 * The tenant admin makes a client for another system on the page and reads its secret there once: the secret gets a
 * token by the client-credentials grant, the list shows the client but never the secret again, and removed, the client
 * gets no token. BKD may not open the page.
 */
class ExportClientPageTest extends PageTest {

    @Test
    void theTenantAdminMakesAClientSeesItsSecretOnceAndRemovesIt() throws Exception {
        String code = onboard("klienhal", "Kabupaten Klien");
        TestRealms.addUser(realmUsers, code, "boss", Role.TENANT_ADMIN);
        TestRealms.addUser(realmUsers, code, "bkd", Role.BKD);
        String page = BASE + "/t/" + code + "/evaluation/export-clients";

        WebDriver admin = Browser.chromium();
        try {
            logIn(admin, page, "boss", TestRealms.PASSWORD);
            Browser.waitFor(admin, By.id("new-client"));
            assertThat(admin.findElement(By.id("none")).getText()).isEqualTo("Belum ada klien.");
            admin.findElement(By.cssSelector("#new-client input[name=name]")).sendKeys("SIMPEG BKD");
            admin.findElement(By.cssSelector("#new-client button")).click();
            Browser.waitFor(admin, By.id("issued"));
            assertThat(admin.findElement(By.cssSelector("#issued h2")).getText())
                    .isEqualTo("Klien untuk SIMPEG BKD dibuat");
            assertThat(admin.findElement(By.cssSelector("#issued .warning")).getText())
                    .contains("hanya menampilkannya sekali");
            String clientId = admin.findElement(By.id("client-id")).getText();
            String secret = admin.findElement(By.id("client-secret")).getText();
            String tokenUrl = admin.findElement(By.id("token-url")).getText();
            assertThat(clientCredentials(tokenUrl, clientId, secret).statusCode())
                    .isEqualTo(200);
            assertThat(admin.findElement(By.cssSelector("#clients tr[data-client='" + clientId + "']"))
                            .getText())
                    .contains("SIMPEG BKD");

            admin.get(page);
            Browser.waitFor(admin, By.id("clients"));
            assertThat(admin.findElements(By.id("issued"))).isEmpty();
            assertThat(admin.getPageSource()).doesNotContain(secret);

            admin.findElement(By.cssSelector("#clients tr[data-client='" + clientId + "'] button.delete"))
                    .click();
            Browser.waitFor(admin, By.id("deleted"));
            assertThat(admin.findElement(By.id("none")).getText()).isEqualTo("Belum ada klien.");
            assertThat(clientCredentials(tokenUrl, clientId, secret).statusCode())
                    .isEqualTo(401);
        } finally {
            admin.quit();
        }

        WebDriver bkd = Browser.chromium();
        try {
            logIn(bkd, page, "bkd", TestRealms.PASSWORD);
            Browser.waitFor(bkd, By.id("problem-detail"));
            assertThat(bkd.findElement(By.id("problem-detail")).getText())
                    .isEqualTo("Hanya admin tenant yang membuat dan menghapus klien sistem lain.");
        } finally {
            bkd.quit();
        }
    }

    private static HttpResponse<String> clientCredentials(String tokenUrl, String clientId, String secret)
            throws Exception {
        String form = "grant_type=client_credentials&client_id=" + URLEncoder.encode(clientId, StandardCharsets.UTF_8)
                + "&client_secret=" + URLEncoder.encode(secret, StandardCharsets.UTF_8);
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(tokenUrl))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString(form))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }
}
