package id.fleksi.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import id.fleksi.platform.security.Role;
import id.fleksi.platform.testing.TestKeycloak;
import id.fleksi.provisioning.testing.TestRealms;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/**
 * A tenant user logs in through the tenant's own Keycloak realm (authorization code with PKCE) in Debian's
 * headless Chromium, and lands on a home page that says who they are.
 */
class WebLoginTest extends PageTest {

    String a;
    String b;
    WebDriver browser;

    @BeforeEach
    void tenantsAndBrowser() {
        a = onboard("web", "Kabupaten A");
        b = onboard("web", "Kabupaten B");
        TestRealms.addUser(realmUsers, a, "siti", Role.ASN, Role.ATASAN);
        TestRealms.addUser(realmUsers, b, "siti", Role.ASN);
        browser = Browser.chromium();
    }

    @AfterEach
    void closeBrowser() {
        browser.quit();
    }

    @Test
    void aTenantUserLogsInWithTheTenantsRealmAndSeesWhoTheyAre() {
        browser.get(BASE + "/t/" + a + "/");

        Browser.waitFor(browser, By.id("username"));
        assertThat(browser.getCurrentUrl())
                .startsWith(TestKeycloak.url() + "/realms/" + a + "/")
                .contains("code_challenge_method=S256");
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("id");
        logIn(browser, browser.getCurrentUrl(), "siti", TestRealms.PASSWORD);

        Browser.waitFor(browser, By.id("greeting"));
        assertThat(browser.getCurrentUrl()).startsWith(BASE + "/t/" + a + "/");
        assertThat(browser.findElement(By.id("greeting")).getText()).isEqualTo("Halo, siti");
        assertThat(browser.findElement(By.id("signed-in")).getText()).contains("Kabupaten A");
        assertThat(browser.findElement(By.id("roles")).getText()).isEqualTo("asn, atasan");

        browser.get(BASE + "/t/" + a + "/?lang=en");
        assertThat(browser.findElement(By.id("greeting")).getText()).isEqualTo("Hello, siti");
    }

    @Test
    void aSessionOfOneTenantDoesNotOpenAnothersPagesButAsksForItsLogin() {
        logIn(browser, BASE + "/t/" + a + "/", "siti", TestRealms.PASSWORD);
        Browser.waitFor(browser, By.id("greeting"));

        browser.get(BASE + "/t/" + b + "/");

        Browser.waitFor(browser, By.id("username"));
        assertThat(browser.getCurrentUrl()).startsWith(TestKeycloak.url() + "/realms/" + b + "/");
    }

    @Test
    void aWrongPasswordStaysOnTheRealmsLoginPage() {
        logIn(browser, BASE + "/t/" + a + "/", "siti", "not-the-password");

        Browser.waitFor(browser, By.id("username"));
        assertThat(browser.getCurrentUrl()).startsWith(TestKeycloak.url() + "/realms/" + a + "/");
        assertThat(browser.getPageSource()).doesNotContain("greeting");
    }
}
