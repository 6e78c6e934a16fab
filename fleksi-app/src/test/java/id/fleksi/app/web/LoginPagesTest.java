package id.fleksi.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import id.fleksi.modules.monitoring.MonitoringModule;
import id.fleksi.platform.modules.ModuleSwitches;
import id.fleksi.platform.security.Role;
import id.fleksi.platform.tenancy.TenantCode;
import id.fleksi.platform.testing.TestKeycloak;
import id.fleksi.provisioning.testing.TestRealms;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The tenant realm's login pages in Chromium: Fleksi's light theme in place of Keycloak's stock one (both weighed as the
 * browser fetched them), the way back in for a forgotten password (BKD's one-time password without a mail server; a
 * reset link by e-mail, through a real local SMTP server, with one), and the page after logging out.
 */
class LoginPagesTest extends PageTest {

    @RegisterExtension
    static GreenMailExtension mail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @Autowired
    ModuleSwitches switches;

    String code;
    WebDriver browser;

    @BeforeEach
    void tenant() {
        code = onboard("masuk", "Kabupaten Masuk");
        TestRealms.addUser(realmUsers, code, "siti", Role.ASN);
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void theLoginPageIsFleksisOwnAFractionOfTheStockOnesWeightAndSendsAForgottenPasswordToBkd() {
        browser = Browser.chromium();
        browser.get(BASE + "/t/" + code + "/");
        Browser.waitFor(browser, By.id("kc-login"));

        assertThat(browser.getCurrentUrl()).startsWith(TestKeycloak.url() + "/realms/" + code + "/");
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("id");
        assertThat(browser.findElements(By.cssSelector("link[href*='/css/fleksi-login-']")))
                .hasSize(1);
        assertThat(browser.findElement(By.id("kc-page-title")).getText()).isEqualTo("Masuk ke Fleksi");
        assertThat(browser.findElement(By.cssSelector("label[for=username]")).getText())
                .isEqualTo("Nama pengguna (NIP) atau e-mail");
        assertThat(browser.findElement(By.id("kc-forgot-bkd")).getText())
                .isEqualTo(
                        "Lupa kata sandi? Mintalah kata sandi sekali"
                                + " pakai kepada BKD (bagian kepegawaian) pemda Anda. Saat masuk dengannya, Anda akan diminta membuat kata sandi baru.");
        assertThat(browser.findElements(By.id("kc-forgot-link")))
                .as("no reset link without a mail server")
                .isEmpty();
        long fleksi = transferred(browser);
        browser.quit();

        RealmRepresentation stock = new RealmRepresentation();
        stock.setLoginTheme(""); // Keycloak's default, as realms had it before
        TestRealms.admin().realm(code).update(stock);
        browser = Browser.chromium();
        browser.get(BASE + "/t/" + code + "/");
        Browser.waitFor(browser, By.id("kc-login"));
        long keycloak = transferred(browser);

        System.out.printf(
                "Login page, total transfer: Fleksi theme %d bytes, Keycloak's stock theme %d bytes%n",
                fleksi, keycloak);
        assertThat(fleksi)
                .as("bytes the browser fetched for the Fleksi login page")
                .isLessThan(15_000);
        assertThat(keycloak).as("the stock page weighs many times more").isGreaterThan(10 * fleksi);
    }

    @Test
    void aForgottenPasswordIsResetByEmailThroughThePemdasMailServerAndTheNewOneLogsIn() throws Exception {
        String userId = TestRealms.admin()
                .realm(code)
                .users()
                .searchByUsername("siti", true)
                .get(0)
                .getId();
        UserRepresentation siti =
                TestRealms.admin().realm(code).users().get(userId).toRepresentation();
        siti.setEmail("siti@pemda.test");
        TestRealms.admin().realm(code).users().get(userId).update(siti);
        switches.change(
                TenantCode.of(code),
                MonitoringModule.ID,
                null,
                Map.of("smtpHost", "127.0.0.1", "smtpPort", mail.getSmtp().getPort(), "mailFrom", "fleksi@pemda.test"),
                "test");

        browser = Browser.chromium();
        browser.get(BASE + "/t/" + code + "/");
        Browser.waitFor(browser, By.id("kc-forgot-link"));
        assertThat(browser.findElement(By.id("kc-forgot-link")).getText()).isEqualTo("Lupa kata sandi?");
        assertThat(browser.findElements(By.id("kc-forgot-bkd"))).isEmpty();
        browser.findElement(By.id("kc-forgot-link")).click();
        Browser.waitFor(browser, By.id("kc-reset-password-form"));
        browser.findElement(By.id("username")).sendKeys("siti");
        browser.findElement(By.cssSelector("#kc-reset-password-form input[type=submit]"))
                .click();
        Browser.waitFor(browser, By.cssSelector(".fx-alert"));
        assertThat(browser.findElement(By.cssSelector(".fx-alert")).getText())
                .startsWith("Jika akun itu ada dan punya alamat e-mail");

        assertThat(mail.waitForIncomingEmail(20_000, 1)).isTrue();
        MimeMessage sent = mail.getReceivedMessages()[0];
        assertThat(sent.getAllRecipients()[0].toString()).isEqualTo("siti@pemda.test");
        assertThat(sent.getFrom()[0].toString()).contains("fleksi@pemda.test");
        browser.get(resetLink(sent));
        Browser.waitFor(browser, By.id("password-new"));
        browser.findElement(By.id("password-new")).sendKeys("Sandi-baru-2026");
        browser.findElement(By.id("password-confirm")).sendKeys("Sandi-baru-2026");
        browser.findElement(By.cssSelector("#kc-passwd-update-form input[type=submit]"))
                .click();
        Browser.waitFor(browser, By.id("greeting"));
        assertThat(browser.getCurrentUrl()).startsWith(BASE + "/t/" + code + "/");

        browser.findElement(By.cssSelector("form[action$='/logout'] button")).click();
        Browser.waitFor(browser, By.id("logged-out"));
        assertThat(browser.getCurrentUrl()).isEqualTo(BASE + "/logged-out/" + code);
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Anda sudah keluar");
        assertThat(browser.findElement(By.id("log-in-again")).getText()).isEqualTo("Masuk lagi ke Kabupaten Masuk");
        browser.findElement(By.id("log-in-again")).click();
        Browser.waitFor(browser, By.id("kc-login"));
        logIn(browser, browser.getCurrentUrl(), "siti", "Sandi-baru-2026");
        Browser.waitFor(browser, By.id("greeting"));
        assertThat(browser.findElement(By.id("greeting")).getText()).isEqualTo("Halo, siti");
    }

    @Test
    void afterLoggingOutOfAnUnknownRealmThePageOffersTheListOfPemdaNotALinkMadeFromTheAddress() {
        browser = Browser.chromium();
        browser.get(BASE + "/logged-out/nosuchrealm");

        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Anda sudah keluar");
        assertThat(browser.findElement(By.id("log-in-again")).getText()).isEqualTo("Pilih pemda untuk masuk lagi");
        assertThat(browser.findElement(By.id("log-in-again")).getAttribute("href"))
                .isEqualTo(BASE + "/");
    }

    /** What the browser fetched for the page: the document and every resource it loaded, headers included. */
    private static long transferred(WebDriver browser) {
        Object bytes = ((JavascriptExecutor) browser).executeScript("""
                let total = performance.getEntriesByType('navigation')[0].transferSize;
                for (const r of performance.getEntriesByType('resource')) total += r.transferSize;
                return total;""");
        return ((Number) bytes).longValue();
    }

    private static final Pattern LINK = Pattern.compile("https?://\\S+/login-actions/action-token\\?\\S+");

    private static String resetLink(MimeMessage message) throws Exception {
        Matcher link = LINK.matcher(text(message));
        assertThat(link.find()).as("a reset link in the mail").isTrue();
        return link.group();
    }

    private static String text(Part part) throws Exception {
        if (part.isMimeType("text/plain")) {
            return (String) part.getContent();
        }
        if (part.getContent() instanceof Multipart parts) {
            for (int i = 0; i < parts.getCount(); i++) {
                String text = text(parts.getBodyPart(i));
                if (!text.isEmpty()) {
                    return text;
                }
            }
        }
        return "";
    }
}
